//===- TransformsPasses.td - passes over the sym dialect --*- tablegen -*-===//

#ifndef SYM_TRANSFORMS_PASSES
#define SYM_TRANSFORMS_PASSES

include "mlir/Pass/PassBase.td"

def SymInferShapes : Pass<"sym-infer-shapes", "::mlir::func::FuncOp"> {
  let summary = "MXNet's infer_shape / infer_shape_partial";
  let description = [{
    Runs every op's bidirectional shape rule in alternating forward and
    backward sweeps until the number of unknown dimensions stops falling (as
    MXNet's InferShapeAttr), then writes the shapes into the value types and
    the function signature. Input shapes may be given by argument name.
    Without `partial`, a shape left unknown is an error listing the
    arguments that need one, as MXNet's infer_shape warns.
  }];
  let options = [
    ListOption<"inputShapes", "shapes", "std::string",
               "argument shapes, e.g. data=1x3x224x224">,
    Option<"partial", "partial", "bool", /*default=*/"false",
           "leave unknown shapes instead of failing (infer_shape_partial)">,
  ];
}

def SymInferTypes : Pass<"sym-infer-types", "::mlir::func::FuncOp"> {
  let summary = "MXNet's infer_type / infer_type_partial";
  let description = [{
    The dtype counterpart of sym-infer-shapes: `__dtype__` hints and given
    dtypes flow through every op's rule to a fixpoint.
  }];
  let options = [
    ListOption<"inputTypes", "types", "std::string",
               "argument dtypes, e.g. data=float32">,
    Option<"partial", "partial", "bool", /*default=*/"false",
           "leave unknown dtypes instead of failing (infer_type_partial)">,
  ];
}

def SymCPUSchedule : Pass<"symc-cpu-schedule", "::mlir::ModuleOp"> {
  let summary = "tile and vectorize matmuls and convolutions for the host CPU";
  let description = [{
    Applies the transform-dialect schedules of docs/toolchain.md. Every
    static f32 linalg.matmul whose extents the register tile divides: cache
    tiles (up to 128) then register tiles (4 x 16 with AVX2, 8 x 32 with
    AVX-512, picked from the host's features unless given), vectorized into
    FMA outer products with the accumulator hoisted out of the k loop. Every
    NCHW convolution whose output width and filter count the register tile
    divides: rewritten channel-last (NHWC/HWCF between transposes) and
    computed directly, one output row and a register tile of columns x
    filters at a time, decomposed into vectorized 1-D convolutions; input
    channels are blocked so that a filter tile's weights for a block fit
    half the L1 data cache, and images and rows are blocked outermost when
    that moves fewer bytes between memory and L2 (a block's input and a
    filter tile's output in half the L2). Where filter tiles are the
    outermost loop, the weights are packed per filter tile so that they
    stream contiguously. Depthwise convolutions (grouped, one channel and
    one filter per group) run channel-last too, vectorized over the
    channels. With `winograd`, 3x3 stride-1 convolutions of 32 or more
    channels (whole vectors) and filters run as Winograd F(4x4, 3x3) or
    F(2x2, 3x3) (`winograd-tile`) instead: per block of tiles, an input
    transform, a matmul per tile position (the matmul schedule's) by the
    filters transformed once, and an output transform adding the bias and
    the elementwise ops after the convolution. With
    `parallel`, an scf.forall around each (matmul cache tiles, or the
    matrices of a batch that splits evenly; convolution row blocks, filter
    tiles, or output rows when there are few of both; Winograd blocks)
    carries the work to threads. Convolutions and poolings run channel-last
    between transposes that symc-sink-transposes' patterns then cancel.
    Other ops keep the plain loop lowering.
  }];
  let options = [
    Option<"registerTileM", "tile-m", "int64_t", /*default=*/"0",
           "rows of the register tile (0: from the host CPU)">,
    Option<"registerTileN", "tile-n", "int64_t", /*default=*/"0",
           "columns of the register tile (0: from the host CPU)">,
    Option<"fmasPerCycle", "fmas-per-cycle", "int64_t", /*default=*/"0",
           "vector FMAs the host issues per cycle at its widest vectors (0: "
           "from LLVM's scheduling model of the host CPU)">,
    Option<"parallel", "parallel", "bool", /*default=*/"false",
           "distribute matmul cache tiles and convolution rows or filter "
           "tiles over threads (scf.forall, later OpenMP)">,
    Option<"cores", "cores", "int64_t", /*default=*/"0",
           "the threads that parallel code shares work among (0: the host's cores)">,
    Option<"l1Bytes", "l1-bytes", "int64_t", /*default=*/"0",
           "the L1 data cache's size (0: the host's)">,
    Option<"l2Bytes", "l2-bytes", "int64_t", /*default=*/"0",
           "the L2 cache's size (0: the host's)">,
    Option<"l3Bytes", "l3-bytes", "int64_t", /*default=*/"0",
           "the L3 cache's size (0: the host's)">,
    Option<"winograd", "winograd", "bool", /*default=*/"true",
           "3x3 stride-1 convolutions whose channels are whole vectors, 32 "
           "or more channels and filters, as Winograd F(m x m, 3x3)">,
    Option<"winogradTile", "winograd-tile", "int64_t", /*default=*/"0",
           "the outputs per side of a Winograd tile: 2 for F(2x2, 3x3), 4 for "
           "F(4x4, 3x3), 0 for F(4x4, 3x3) where the output's sides are "
           "multiples of 4, else F(2x2, 3x3)">,
    Option<"minParallelFlops", "min-parallel-flops", "int64_t", /*default=*/"2000000",
           "convolutions of fewer FLOPs run on one thread (starting the threads "
           "costs more than they save)">,
  ];
  let dependentDialects = [
    "::mlir::transform::TransformDialect", "::mlir::scf::SCFDialect",
    "::mlir::vector::VectorDialect", "::mlir::linalg::LinalgDialect",
    "::mlir::tensor::TensorDialect",
  ];
}

def SymHoistInvariantComputations
    : Pass<"symc-hoist-invariant-computations", "::mlir::ModuleOp"> {
  let summary = "compute what depends only on the weights once, in a prepare function";
  let description = [{
    Arguments of a public function marked `symc.invariant` keep their
    values from run to run (the weights). The side-effect-free top-level
    ops that depend only on them and on constants (the convolution
    schedules' filter transposes and paddings, say) move into a new public
    function `@<name>_prepare`, which takes the marked arguments and
    returns the values the rest of the function uses; the function takes
    those as new trailing arguments instead. The runtime calls the prepare
    function once and passes its results to every run. Values that are
    only views of an argument (reshapes, casts) are not worth a copy and
    stay. The module records the hoisting in `symc.prepare`: the prepare
    function, the indices of its arguments in the entry, and the prepared
    values' types.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect",
                           "::mlir::bufferization::BufferizationDialect",
                           "::mlir::LLVM::LLVMDialect"];
}

def SymFuseElementwise : Pass<"symc-fuse-elementwise", "::mlir::func::FuncOp"> {
  let summary = "linalg's elementwise fusion, with a bound on fused bodies";
  let description = [{
    Fuses elementwise linalg.generic ops into their consumers (and folds
    reshapes by expansion) as linalg-fuse-elementwise-ops does, but only
    while the fused body stays within `max-body-ops` operations. Fusing a
    chain of n ops one by one clones ever larger bodies, quadratic in n (a
    50k-op chain took over 20 minutes); with the bound it is linear, and the
    short chains of real models fuse completely. Then a constant padding
    of a parallel generic's result becomes the generic writing into the
    interior of the padded tensor, saving the padding's copy; the border
    alone is filled (one fill per side of each padded dimension), unless
    `border-fills` is off (one fill of the whole tensor, one kernel on a
    GPU rather than several).
  }];
  let options = [
    Option<"maxBodyOps", "max-body-ops", "unsigned", /*default=*/"512",
           "the most operations a fused body may hold">,
    Option<"borderFills", "border-fills", "bool", /*default=*/"true",
           "fill only the border of a padding fused into its producer">,
  ];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
    "::mlir::affine::AffineDialect", "::mlir::arith::ArithDialect",
  ];
}

def SymDuplicateSharedFills
    : Pass<"symc-duplicate-shared-fills", "::mlir::func::FuncOp"> {
  let summary = "give every user of a filled empty tensor a fill of its own";
  let description = [{
    Runs just before bufferization. CSE merges the identical
    `linalg.fill`s of `tensor.empty`s that convolutions and matmuls start
    their accumulators from, and one-shot bufferization then keeps one
    filled buffer and copies it into a fresh buffer for every user that
    writes: a fill plus one copy per layer (SSD-MobileNet at batch 8 copied
    a 16 MiB zero buffer into each of its 512-channel layers). With a fill
    per user, each writes its own buffer, and the fill is the only pass.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect"];
}

def SymForwardFills : Pass<"symc-forward-fills", "::mlir::func::FuncOp"> {
  let summary = "read a fill's value from the tiles that still hold it, and drop fills nothing reads";
  let description = [{
    Runs after the CPU schedule. Tiling a convolution or matmul whose
    accumulator starts as a constant fill gives loop nests that each take
    their own slice of the filled tensor, read it into registers,
    accumulate and write it back. Where the slices of distinct iterations
    are disjoint, each read still sees the fill's value: it becomes a
    constant. Where the slices also cover the whole tensor and each is
    overwritten, no element of the fill is read any more, and the fill
    goes: its pass over memory was 5% of ResNet-18's time at batch 8 and
    13% of SqueezeNet's. Nests that accumulate into the same slice across
    iterations (blocks of input channels) keep their fill.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect", "::mlir::vector::VectorDialect"];
}

def SymFuseConvEpilogues : Pass<"symc-fuse-conv-epilogues", "::mlir::func::FuncOp"> {
  let summary = "compute the elementwise consumer of a tiled convolution tile by tile, inside its loops";
  let description = [{
    Runs after symc-forward-fills and symc-fuse-elementwise. An elementwise
    linalg.generic (bias, BatchNorm, activation, residual addition) that
    reads, with an identity map, the result of a loop nest in which each
    iteration computes its tile of an empty tensor from scratch (a
    convolution's register tiles, their accumulators started as constants)
    is computed on each tile right after it, and the nest writes the
    generic's destination instead: the accumulators are not written to a
    tensor of their own and read back by a separate pass over memory.
    Nests that accumulate a tile across iterations (blocks of input
    channels) are left alone.
  }];
  let dependentDialects = ["::mlir::arith::ArithDialect", "::mlir::linalg::LinalgDialect",
                           "::mlir::tensor::TensorDialect"];
}

def SymReadThroughInserts
    : Pass<"symc-read-through-inserts", "::mlir::func::FuncOp"> {
  let summary = "read a tensor inserted into a larger one back from the larger one";
  let description = [{
    Runs just before bufferization. A tensor that is inserted into a
    larger one (a padded convolution input) and also read afterwards (the
    residual branch of a ResNet block reads the same pooling output) is read
    from a slice of the insert's result instead. One-shot bufferization
    otherwise sees the later read as a conflict with computing the tensor in
    place in the larger tensor's buffer, and computes it into a buffer of
    its own that it first fills with a copy of the (zero) slice and then
    copies into the larger one: two passes over the tensor per padded
    convolution input.
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect"];
}

def SymDistinctResults : Pass<"symc-distinct-results", "::mlir::func::FuncOp"> {
  let summary = "give every buffer result of a function its own buffer";
  let description = [{
    Runs after bufferization, before results become out-params: a buffer
    returned twice (a graph whose heads repeat, or become equal after CSE)
    or a returned function argument (a head that is an input) is copied
    into a fresh buffer, so that each result is written to its own
    caller-owned out-param. Without it, buffer-results-to-out-params cannot
    rewrite such returns.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def SymPrefetchNextBlock : Pass<"symc-prefetch-next-block", "::mlir::ModuleOp"> {
  let summary = "prefetch the next iteration's slices of loops marked for it";
  let description = [{
    Runs after bufferization. In each `scf.for` marked `symc.prefetch_next_block`
    (a convolution's loop over channel blocks), the views of outside buffers
    that the iteration takes at the loop's induction variable (the block's
    weights and input channels) are prefetched for the next iteration: one
    `memref.prefetch` of one cache line per iteration of the body's busiest
    inner loop nest, until all lines are covered. A block's weights are read
    from memory by the first output row that uses them, with too few
    products per byte to hide the wait; prefetched while the previous block
    computes, they come from L2. The prefetches are spread because a burst
    of them at the iteration's start fills the core's miss buffers and
    stalls it just as the demand loads did (four chained 512-channel 7x7
    layers: no gain in a burst, 4.6 -> 3.9 ms spread). A view with static
    strides finds each line's offset in a constant table (a module global,
    shared by equal tables) rather than by delinearizing the line number:
    the divisions were about 20 instructions in every 24-cycle step of a
    3x3 convolution's channel loop.

    In each `scf.for` marked `symc.prefetch_next_accumulator` (a row of a
    matmul's or a convolution's register tiles), the next iteration's views that the body writes
    into (its tile of C, at most 32 prefetches) are prefetched into L1 in
    one burst at the iteration's start, at constant offsets: each row's
    lines, and its last element, whose line is another one where the row
    does not start a line (an output buffer from malloc). Each tile
    otherwise waited for its lines of C from L2 or beyond (the 1024 matmul
    into a malloc'd buffer: 0.87-0.90 -> 0.92-0.94 of OpenBLAS).
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect", "::mlir::scf::SCFDialect",
                           "::mlir::arith::ArithDialect", "::mlir::affine::AffineDialect"];
}

def SymFreeBuffersEarly : Pass<"symc-free-buffers-early", "::mlir::func::FuncOp"> {
  let summary = "free each buffer right after its last use";
  let description = [{
    Runs after the buffer deallocation pipeline, whose `memref.dealloc`s
    all sit at the end of their block: every intermediate buffer of a
    model lived until the run's end (SSD-MobileNet at batch 8 held 1.7 GB
    at once, which the runtime's block cache could not keep, so each run
    page-faulted it in again). Each dealloc of an allocation of the same
    block moves to just after the last op of the block that uses the
    buffer or a view of it, so that the runtime allocator hands the block,
    still in cache, to the next layer. A buffer that may be reachable other
    than through views (a memref result of another op, a yield, a store)
    keeps its dealloc where it is.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def SymPartition : Pass<"sym-partition", "::mlir::func::FuncOp"> {
  let summary = "optimize_for: partition the graph into a backend's subgraphs";
  let description = [{
    MXNet's `Symbol.optimize_for(backend, **options)`: each property of the
    backend in turn selects subgraphs with MXNet's BuildSubgraph algorithm
    (seeds in node order, breadth-first growth, cycle exclusion, filter) and
    outlines each into a `sym.subgraph` named and wired as MXNet names and
    wires it. Backends: default and default_v2 (`_CachedOp` over
    `op_names`), custom (supportedOps colouring), symc (everything symc
    compiles), and any registered with `registerSubgraphBackend`.

    ```
    sym-opt --sym-partition="backend=default options=op_names=[FullyConnected|Activation]"
    ```
  }];
  let options = [
    Option<"backend", "backend", "std::string", /*default=*/"",
           "The backend's registered name">,
    ListOption<"backendOptions", "options", "std::string",
               "optimize_for's options as key=value (op_names, "
               "dedup_subgraph, exclude_ops, min_subgraph_size, ...)">,
  ];
}

def SymOutlineSubgraphs : Pass<"symc-outline-subgraphs", "::mlir::ModuleOp"> {
  let summary = "run each sym.subgraph as a call of its own function";
  let description = [{
    Moves the body of every `sym.subgraph` into a private function named
    after the node and replaces the node by a call, so that each subgraph
    compiles into one function (what a `_CachedOp` or a backend's fused op
    does at run time). Runs after inference, which types the bodies.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def SymProfileKernels : Pass<"symc-profile-kernels", "::mlir::ModuleOp"> {
  let summary = "time every kernel of the compiled model (sym-run --profile)";
  let description = [{
    Brackets each kernel of every function (a top-level loop nest, a call,
    a copy, after bufferization and linalg-to-loops) with calls of
    `symc_profile_enter(id)` and `symc_profile_exit(id)` from symc's runtime
    (Runtime/Profile.h), which sums wall time per id. Ids name the MXNet
    node the kernel comes from (its location's name) and the kind of kernel;
    the module keeps them in the `symc.profile_kernels` array attribute, id
    i being entry i.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect", "::mlir::arith::ArithDialect"];
}

def SymOutlineKernels : Pass<"symc-outline-kernels", "::mlir::ModuleOp"> {
  let summary = "move each top-level loop nest of a function into a function of its own";
  let description = [{
    After bufferization and linalg-to-loops, a model's function is a long
    sequence of loop nests. LLVM's scalar evolution walks the chain of
    blocks above each loop to find its guards, which grows with the square
    of the loops in one function: BERT's 2,900 loops took 20-30 seconds of
    LLVM time. Each top-level op with regions (a loop nest, a parallel
    region) becomes a private, `noinline` function taking the values it
    uses from above (constants and globals are cloned instead), called in
    its place. Kernels that only store constants (fills) are compiled for
    size, and what is left of the function (allocations and calls)
    without optimization: LLVM's machine scheduler is quadratic in their
    long blocks of stores.
  }];
  let dependentDialects = ["::mlir::func::FuncDialect"];
}

def SymStridedCopiesToLoops : Pass<"symc-strided-copies-to-loops", "::mlir::func::FuncOp"> {
  let summary = "compile strided memref.copy as loops rather than a runtime call";
  let description = [{
    A `memref.copy` between memrefs that are not both contiguous lowers to
    a call of `memrefCopy`, a generic element-by-element copy that walks
    the descriptors at run time (the copies of tensor.pad and of
    subviews). As `linalg.copy` it becomes a loop nest that LLVM optimizes
    for the known strides. Contiguous copies stay `memcpy`, unless
    `contiguous` is set: the CUDA pipeline makes every copy a loop, hence a
    kernel, so that the buffers it copies between stay in device memory
    instead of becoming managed memory that the host copies through.

    With `vector-rows` (the CPU pipeline), copies of static shapes whose
    rows are contiguous on both sides become loops over the rows that copy
    each in vectors of 16 elements (and one of the remainder): LLVM left
    the element loops of `linalg.copy` scalar.
  }];
  let options = [
    Option<"contiguous", "contiguous", "bool", /*default=*/"false",
           "contiguous copies too">,
    Option<"vectorRows", "vector-rows", "bool", /*default=*/"false",
           "copy contiguous rows of static copies in vectors">,
  ];
  let dependentDialects = ["::mlir::linalg::LinalgDialect", "::mlir::scf::SCFDialect",
                           "::mlir::vector::VectorDialect"];
}

def SymSinkTransposes : Pass<"symc-sink-transposes", "::mlir::func::FuncOp"> {
  let summary = "move transposes below layout-agnostic ops until they cancel";
  let description = [{
    Moves each linalg.transpose below the elementwise generics, constant
    paddings and concatenation pieces (insert_slices) that consume it,
    computing them in the transpose's source layout, and composes
    consecutive transposes (cancelling inverse pairs). symc-cpu-schedule
    applies the same patterns after making convolutions and poolings
    channel-last, so that activations stay NHWC from one layer to the
    next. An op moves only when every full-size operand is a transpose of
    the same permutation, so no move adds a pass over memory.
  }];
  let dependentDialects = ["::mlir::tensor::TensorDialect", "::mlir::linalg::LinalgDialect"];
}

def SymCPUParallelize : Pass<"symc-cpu-parallelize", "::mlir::func::FuncOp"> {
  let summary = "share large top-level linalg ops among threads";
  let description = [{
    `symc-cpu-schedule` shares matmuls and convolutions among threads;
    everything else (elementwise chains after fusion, pooling, reductions)
    would run on one thread. Each top-level linalg op on tensors with
    static loop ranges and at least `min-iterations` iteration points gets
    an `scf.forall` over its first parallel dimension that has at least as
    many iterations as there are threads, one chunk per thread (lowered to
    OpenMP with the rest).
  }];
  let options = [
    Option<"threads", "threads", "int64_t", /*default=*/"0",
           "chunks per op (0: the host's cores)">,
    Option<"minIterations", "min-iterations", "int64_t", /*default=*/"65536",
           "smaller ops stay serial (a fork costs microseconds)">,
  ];
  let dependentDialects = ["::mlir::scf::SCFDialect", "::mlir::tensor::TensorDialect",
                           "::mlir::affine::AffineDialect", "::mlir::arith::ArithDialect"];
}

def SymCPUVectorizeElementwise
    : Pass<"symc-cpu-vectorize-elementwise", "::mlir::func::FuncOp"> {
  let summary = "vectorize elementwise linalg.generic ops and innermost reductions";
  let description = [{
    Each elementwise generic on static tensors whose operands read the
    innermost loop contiguously (or broadcast along it), with an innermost
    extent that a vector divides, is tiled to one vector row (1 x ... x 1 x
    V, V one to four vectors of the host's width) and vectorized, leaving
    straight vector code instead of loops that LLVM vectorizes behind
    runtime alias checks at every entry. A reduction along the innermost
    loop alone (a softmax's max and sum, a LayerNorm's mean), of at most
    1024 f32 elements, takes each row as one vector reduced once
    (`vector.reduction`, a tree once vector-to-llvm reassociates it): left to
    loops, its accumulator went through memory at every element. Others
    keep the loop lowering.
  }];
  let options = [
    Option<"vectorBits", "vector-bits", "int64_t", /*default=*/"0",
           "the vector register width in bits (0: the host's)">,
  ];
  let dependentDialects = ["::mlir::scf::SCFDialect", "::mlir::vector::VectorDialect",
                           "::mlir::tensor::TensorDialect", "::mlir::arith::ArithDialect"];
}

def SymApproximateMath : Pass<"symc-approximate-math", "::mlir::func::FuncOp"> {
  let summary = "compute f32 erf, tanh, exp, log, ... with polynomials instead of libm";
  let description = [{
    `math.erf`, `math.tanh`, `math.exp`, ... otherwise become calls of
    libm's `erff`, `tanhf`, `expf` per element, which LLVM cannot vectorize
    (GELU in BERT spent 13 ms per layer in `erff`; the tanh after the MNIST
    CNN's first convolution was 60% of its run). MLIR's polynomial and
    rational approximations (relative errors of a few f32 ulps) are plain
    arithmetic that vectorizes with the loop around it. `functions` names
    the ones to approximate (erf, tanh, exp, expm1, log, log1p, log2, atan,
    sin, cos); empty: all of them.
  }];
  let options = [
    ListOption<"functions", "functions", "std::string",
               "the math functions to approximate (default: all)">,
  ];
  let dependentDialects = ["::mlir::arith::ArithDialect", "::mlir::math::MathDialect",
                           "::mlir::vector::VectorDialect"];
}

//===----------------------------------------------------------------------===//
// GPU (CUDA) code generation
//===----------------------------------------------------------------------===//

def SymGPUOuterParallelDims
    : Pass<"symc-gpu-outer-parallel-dims", "::mlir::func::FuncOp"> {
  let summary = "put the parallel loops of linalg ops before their reductions";
  let description = [{
    `convert-linalg-to-parallel-loops` makes an `scf.parallel` of the
    leading parallel dimensions only, so a reduction over a middle axis
    (softmax over the channels of NCHW) would leave the kernel of
    `symc-gpu-map-parallel-loops` with the extent of the leading
    dimensions, often a single thread. This pass generalizes such ops and
    interchanges their loops so that every parallel dimension comes first,
    each group in its original order.
  }];
  let dependentDialects = ["::mlir::linalg::LinalgDialect"];
}

def SymGPUMapParallelLoops
    : Pass<"symc-gpu-map-parallel-loops", "::mlir::func::FuncOp"> {
  let summary = "run each outermost scf.parallel as a 1-D GPU kernel";
  let description = [{
    Every `scf.parallel` that is not nested in another one (nor in a
    `gpu.launch`) becomes a `gpu.launch` over its whole iteration space,
    linearized: thread `blockIdx.x * B + threadIdx.x` computes the point
    with that row-major index, so the innermost loop (the contiguous axis
    of the buffers linalg produced) runs across adjacent threads and the
    accesses coalesce. Nested parallel loops and the reduction loops
    inside stay sequential within the thread. Loops with reductions
    (`scf.reduce` operands) stay on the host.
  }];
  let options = [
    Option<"blockSize", "block-size", "int64_t", /*default=*/"256",
           "threads per block">,
  ];
  let dependentDialects = ["::mlir::gpu::GPUDialect", "::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect"];
}

def SymGPUStageArguments
    : Pass<"symc-gpu-stage-arguments", "::mlir::func::FuncOp"> {
  let summary = "copy a public function's buffers to GPU memory and back";
  let description = [{
    The caller's buffers are host memory, which kernels cannot address. In
    each public function, every memref argument gets a buffer of its own:
    the argument is copied in at entry when anything may read it, and
    copied back before each return when anything may write it (from the
    memory effects of its users, seen through views). These are the only
    host-device copies of a run; run before `symc-gpu-memory`, which
    places the new buffers.
  }];
  let dependentDialects = ["::mlir::memref::MemRefDialect"];
}

def SymGPUTileContractions
    : Pass<"symc-gpu-tile-contractions", "::mlir::func::FuncOp"> {
  let summary = "matmuls and convolutions as shared-memory tiled GPU kernels";
  let description = [{
    Runs on buffers. Static f32 `linalg.matmul`, `linalg.batch_matmul` and
    `linalg.conv_2d_nchw_fchw` (an implicit GEMM: filters x output pixels,
    reducing over channels x window) become one `gpu.launch` each: a block
    computes a BM x BN tile of the product, staging BK-deep slices of both
    operands in workgroup (shared) memory, loaded cooperatively and
    coalesced, with a barrier on each side; each thread accumulates a
    TM x TN sub-tile in registers (a private buffer) and adds it to the
    output. Edges are guarded, so no size needs to divide a tile. Products
    with few rows (fully connected layers at batch 1) get a flat tile of
    one row per thread row. The kernel carries no value across a barrier
    other than through memory, so symc-gpu-launch-to-loops can emulate it.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect", "::mlir::arith::ArithDialect",
                           "::mlir::scf::SCFDialect", "::mlir::memref::MemRefDialect",
                           "::mlir::math::MathDialect"];
}

def SymGPUMemory : Pass<"symc-gpu-memory", "::mlir::func::FuncOp"> {
  let summary = "allocate buffers with gpu.alloc, in device or managed memory";
  let description = [{
    Host `memref.alloc` becomes `gpu.alloc`: device memory when only
    kernels (`gpu.launch` bodies) touch the buffer, else `host_shared`
    (CUDA managed memory) so that the host code left around the kernels
    (copies, runtime calls, sequential loops) still reads and writes it.
    `memref.dealloc` becomes `gpu.dealloc`. The ops are synchronous here;
    gpu-async-region then orders them on the stream with the launches
    (symc-gpu-sync-managed-allocs puts managed allocations back in the
    synchronous form that gpu-to-llvm lowers).
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def SymGPUMergeKernelModules
    : Pass<"symc-gpu-merge-kernel-modules", "::mlir::ModuleOp"> {
  let summary = "put every outlined kernel into one gpu.module";
  let description = [{
    gpu-kernel-outlining makes a `gpu.module` per kernel, and each becomes
    a binary that the runtime loads (and the driver JIT-compiles) on its
    own: hundreds for a model. This moves every kernel into the first
    module, named after the module it came from, and retargets the
    launches, so a model has one binary and one PTX file.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def SymGPULaunchToLoops : Pass<"symc-gpu-launch-to-loops", "::mlir::func::FuncOp"> {
  let summary = "run GPU kernels as host loops (to test the GPU mapping on a CPU)";
  let description = [{
    The inverse of the mapping, for machines without a GPU: each
    `gpu.launch` becomes sequential loops over its blocks and threads, and
    `gpu.alloc`, `gpu.dealloc` and `gpu.wait` become host allocations (or
    vanish). Valid for kernels whose threads are independent (no barriers,
    shared memory or warp operations), which is all that
    symc-gpu-map-parallel-loops produces; a kernel with a barrier is refused.
    With it, the CUDA pipeline's output runs on the CPU and its results can
    be compared with MXNet's.
  }];
  let dependentDialects = ["::mlir::scf::SCFDialect", "::mlir::memref::MemRefDialect",
                           "::mlir::arith::ArithDialect"];
}

def SymGPUSynchronousManagedAllocs
    : Pass<"symc-gpu-sync-managed-allocs", "::mlir::func::FuncOp"> {
  let summary = "managed allocations back in the form gpu-to-llvm lowers";
  let description = [{
    gpu-async-region makes every `gpu.alloc` asynchronous, but gpu-to-llvm
    lowers `host_shared` (managed) allocations only in the synchronous
    form. Allocating needs nothing from the device, so
    `%m, %t = gpu.alloc async [%deps] host_shared` becomes a synchronous
    allocation and `%t = gpu.wait async [%deps]`: later work still waits
    for the dependencies, and the host does not.
  }];
  let dependentDialects = ["::mlir::gpu::GPUDialect"];
}

def SymGPUUploadConstants
    : Pass<"symc-gpu-upload-constants", "::mlir::ModuleOp"> {
  let summary = "give kernels device copies of the module's constant data";
  let description = [{
    Runs on the LLVM dialect. Constant globals (embedded weights, tables)
    live in host memory; every `llvm.mlir.addressof` of one in a host
    function becomes a call of `symcGpuConstant(ptr, bytes)`, which uploads
    the data to GPU memory on its first call and returns the same device
    copy ever after, so weights cross the bus once per process.
  }];
  let dependentDialects = ["::mlir::LLVM::LLVMDialect"];
}

#endif // SYM_TRANSFORMS_PASSES
