//===- TileContractions.cpp - symc-gpu-tile-contractions ------------------===//
//
// One kernel skeleton, a tiled GEMM C[b] += A[b] x B[b], serves every
// contraction: each op only says how to read A(m, k) and B(k, n) and how to
// add into C(m, n). For a convolution A is the filter bank seen as
// F x (C*KH*KW) and B the input seen through im2col, (C*KH*KW) x (N*OH*OW),
// without materializing it.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/Math/IR/Math.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"

#include <functional>

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMGPUTILECONTRACTIONS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Reads A(b, m, k) or B(b, k, n) at in-bounds indices.
using LoadFn = std::function<Value(OpBuilder &, Location, Value, Value, Value)>;
/// Adds a partial sum into C(b, m, n); atomically when several blocks add
/// into the same outputs (split-K).
using AccumulateFn =
    std::function<void(OpBuilder &, Location, Value, Value, Value, Value, bool)>;

struct GemmProblem {
  int64_t batch = 1, m = 0, n = 0, k = 0;
  LoadFn loadA, loadB;
  AccumulateFn accumulate;
};

/// A block computes tileM x tileN outputs with (tileM / threadM) x
/// (tileN / threadN) threads, each owning threadM x threadN of them; the
/// reduction advances tileK at a time through shared memory. With
/// splitK > 1, that many blocks share each output tile, each reducing over
/// its own kChunk-long slice of K and adding its partial sums atomically.
struct TileConfig {
  int64_t tileM, tileN, tileK, threadM, threadN;
  int64_t splitK = 1, kChunk = 0;
  int64_t threads() const { return (tileM / threadM) * (tileN / threadN); }
};

/// Blocks enough to fill the 108-132 SMs of an A100 or H100 about twice.
constexpr int64_t kTargetBlocks = 256;
/// The shortest K slice worth a block of its own: below it the atomic adds
/// of the partial sums cost more than the slice's work.
constexpr int64_t kMinSplitChunk = 128;

/// Splits K when the output tiles alone give too few blocks to occupy the
/// GPU (ResNet's last stage: 512 filters x 49 pixels is 8 tiles, each
/// reducing over 4608).
void chooseSplitK(const GemmProblem &p, TileConfig &t) {
  int64_t blocks = llvm::divideCeil(p.m, t.tileM) * llvm::divideCeil(p.n, t.tileN) * p.batch;
  int64_t wanted = llvm::divideCeil(kTargetBlocks, blocks);
  int64_t possible = std::max<int64_t>(1, p.k / kMinSplitChunk);
  int64_t splits = std::min(wanted, possible);
  t.kChunk = llvm::alignTo(llvm::divideCeil(p.k, splits), t.tileK);
  t.splitK = llvm::divideCeil(p.k, t.kChunk);
}

TileConfig chooseTiles(const GemmProblem &p) {
  TileConfig t;
  if (p.m <= 8) {
    // Few rows (a fully connected layer at a small batch): one row of
    // threads per row, 256 threads over the columns.
    int64_t rows = llvm::PowerOf2Ceil(p.m);
    t = {rows, 256 / rows, 16, 1, 1};
  } else {
    // The 64 x 64 tile of 256 threads with 4 x 4 outputs each
    // (docs gpu-recipes: 64 registers, 8 KB of shared memory).
    t = {64, 64, 16, 4, 4};
  }
  chooseSplitK(p, t);
  return t;
}

/// Builds the kernel. Index constants are made before the launch (they
/// become kernel arguments or are sunk into it), and every segment between
/// barriers recomputes what it needs from the thread id, so no SSA value
/// crosses a barrier.
class GemmKernelBuilder {
public:
  GemmKernelBuilder(OpBuilder &outside, Location loc, const GemmProblem &p,
                    TileConfig t)
      : outside(outside), loc(loc), p(p), t(t) {}

  void build() {
    Type f32 = outside.getF32Type();
    auto workgroup = gpu::AddressSpaceAttr::get(outside.getContext(),
                                                gpu::AddressSpace::Workgroup);
    auto privateSpace = gpu::AddressSpaceAttr::get(outside.getContext(),
                                                   gpu::AddressSpace::Private);
    auto tileAType = MemRefType::get({t.tileK, t.tileM}, f32, nullptr, workgroup);
    auto tileBType = MemRefType::get({t.tileK, t.tileN}, f32, nullptr, workgroup);
    auto accType = MemRefType::get({t.threadM, t.threadN}, f32, nullptr, privateSpace);
    Value one = index(1);
    auto launch = gpu::LaunchOp::create(
        outside, loc, index(llvm::divideCeil(p.n, t.tileN)),
        index(llvm::divideCeil(p.m, t.tileM)), index(p.batch * t.splitK),
        index(t.threads()), one,
        one, /*dynamicSharedMemorySize=*/nullptr, /*asyncTokenType=*/nullptr,
        /*asyncDependencies=*/{}, TypeRange{tileAType, tileBType}, TypeRange{accType});
    // Constants made later go before the launch too.
    outside.setInsertionPoint(launch);
    ids = {launch.getBlockIds().x, launch.getBlockIds().y, launch.getBlockIds().z,
           launch.getThreadIds().x};
    tileA = launch.getWorkgroupAttributions()[0];
    tileB = launch.getWorkgroupAttributions()[1];
    acc = launch.getPrivateAttributions()[0];

    OpBuilder b = OpBuilder::atBlockBegin(&launch.getBody().front());
    Value zero = arith::ConstantOp::create(b, loc, b.getF32FloatAttr(0.0f));
    forEachOwned(b, [&](OpBuilder &b, Value i, Value j, int64_t, int64_t) {
      memref::StoreOp::create(b, loc, zero, acc, ValueRange{i, j});
    });
    // Loop bounds are the same in every block; each block offsets them by
    // its slice's start (kStart) where it uses them.
    auto kLoop = scf::ForOp::create(b, loc, index(0), index(t.kChunk), index(t.tileK));
    {
      OpBuilder inner = OpBuilder::atBlockBegin(kLoop.getBody());
      Value k0 = kLoop.getInductionVar();
      stageTile(inner, k0, /*isA=*/true);
      stageTile(inner, k0, /*isA=*/false);
      gpu::BarrierOp::create(inner, loc);
      multiplyTiles(inner);
      gpu::BarrierOp::create(inner, loc);
    }
    b.setInsertionPointAfter(kLoop);
    storeOutputs(b);
    gpu::TerminatorOp::create(b, loc);
  }

private:
  Value index(int64_t v) { return arith::ConstantIndexOp::create(outside, loc, v); }
  Value add(OpBuilder &b, Value x, Value y) { return arith::AddIOp::create(b, loc, x, y); }
  Value mul(OpBuilder &b, Value x, Value y) { return arith::MulIOp::create(b, loc, x, y); }
  Value lessThan(OpBuilder &b, Value x, Value bound) {
    return arith::CmpIOp::create(b, loc, arith::CmpIPredicate::ult, x, bound);
  }

  /// The batch entry of this block (grid z enumerates batch x K slices).
  /// Recomputed where used: no value may cross a barrier.
  Value batchIndex(OpBuilder &b) {
    if (t.splitK == 1)
      return ids.bz;
    return arith::DivUIOp::create(b, loc, ids.bz, index(t.splitK));
  }
  /// Where this block's slice of K starts.
  Value kStart(OpBuilder &b) {
    if (t.splitK == 1)
      return index(0);
    return mul(b, arith::RemUIOp::create(b, loc, ids.bz, index(t.splitK)), index(t.kChunk));
  }

  /// Calls `body(i, j, ...)` for each of the thread's accumulators, with
  /// the output row and column it holds (local to the block tile):
  /// row i * rowsOfThreads + ty, column j * columnsOfThreads + tx, so that
  /// adjacent threads touch adjacent columns.
  void forEachOwned(
      OpBuilder &b,
      function_ref<void(OpBuilder &, Value, Value, int64_t, int64_t)> body) {
    for (int64_t i = 0; i < t.threadM; ++i)
      for (int64_t j = 0; j < t.threadN; ++j)
        body(b, index(i), index(j), i, j);
  }
  std::pair<Value, Value> threadRowColumn(OpBuilder &b) {
    Value columns = index(t.tileN / t.threadN);
    return {arith::DivUIOp::create(b, loc, ids.tid, columns),
            arith::RemUIOp::create(b, loc, ids.tid, columns)};
  }

  /// Copies the tileK-deep slice of A (transposed: [k][m]) or of B
  /// ([k][n]) that starts at k0 into shared memory, zero beyond the edges.
  /// Consecutive threads read consecutive k of A, consecutive n of B.
  void stageTile(OpBuilder &b, Value k0, bool isA) {
    int64_t extent = isA ? t.tileM : t.tileN;
    int64_t elements = extent * t.tileK;
    int64_t rounds = llvm::divideCeil(elements, t.threads());
    Value tileStart = mul(b, isA ? ids.by : ids.bx, index(extent));
    Value bound = index(isA ? p.m : p.n);
    for (int64_t r = 0; r < rounds; ++r) {
      Value e = add(b, ids.tid, index(r * t.threads()));
      OpBuilder::InsertionGuard guard(b);
      if (elements % t.threads() != 0) {
        auto inTile = scf::IfOp::create(b, loc, lessThan(b, e, index(elements)),
                                        /*withElseRegion=*/false);
        b.setInsertionPointToStart(inTile.thenBlock());
      }
      Value local, kk;
      if (isA) {
        local = arith::DivUIOp::create(b, loc, e, index(t.tileK));
        kk = arith::RemUIOp::create(b, loc, e, index(t.tileK));
      } else {
        kk = arith::DivUIOp::create(b, loc, e, index(extent));
        local = arith::RemUIOp::create(b, loc, e, index(extent));
      }
      Value global = add(b, tileStart, local);
      Value k = add(b, add(b, kStart(b), k0), kk);
      Value inBounds = arith::AndIOp::create(b, loc, lessThan(b, global, bound),
                                             lessThan(b, k, index(p.k)));
      auto read = scf::IfOp::create(b, loc, TypeRange{b.getF32Type()}, inBounds,
                                    /*withElseRegion=*/true);
      {
        OpBuilder then = read.getThenBodyBuilder();
        Value batch = batchIndex(then);
        Value v = isA ? p.loadA(then, loc, batch, global, k)
                      : p.loadB(then, loc, batch, k, global);
        scf::YieldOp::create(then, loc, v);
        OpBuilder otherwise = read.getElseBodyBuilder();
        scf::YieldOp::create(
            otherwise, loc,
            ValueRange{arith::ConstantOp::create(otherwise, loc,
                                                 otherwise.getF32FloatAttr(0.0f))});
      }
      memref::StoreOp::create(b, loc, read.getResult(0), isA ? tileA : tileB,
                              ValueRange{kk, local});
    }
  }

  /// acc(i, j) += sum over kk of A(row i, kk) * B(kk, column j).
  void multiplyTiles(OpBuilder &b) {
    auto loop = scf::ForOp::create(b, loc, index(0), index(t.tileK), index(1));
    OpBuilder inner = OpBuilder::atBlockBegin(loop.getBody());
    Value kk = loop.getInductionVar();
    auto [ty, tx] = threadRowColumn(inner);
    SmallVector<Value> a, bv;
    for (int64_t i = 0; i < t.threadM; ++i) {
      Value row = add(inner, mul(inner, index(i), index(t.tileM / t.threadM)), ty);
      a.push_back(memref::LoadOp::create(inner, loc, tileA, ValueRange{kk, row}));
    }
    for (int64_t j = 0; j < t.threadN; ++j) {
      Value column = add(inner, mul(inner, index(j), index(t.tileN / t.threadN)), tx);
      bv.push_back(memref::LoadOp::create(inner, loc, tileB, ValueRange{kk, column}));
    }
    forEachOwned(inner, [&](OpBuilder &b, Value i, Value j, int64_t ci, int64_t cj) {
      Value sum = memref::LoadOp::create(b, loc, acc, ValueRange{i, j});
      Value fma = math::FmaOp::create(b, loc, a[ci], bv[cj], sum);
      memref::StoreOp::create(b, loc, fma, acc, ValueRange{i, j});
    });
  }

  void storeOutputs(OpBuilder &b) {
    Value ty, tx;
    std::tie(ty, tx) = threadRowColumn(b);
    Value rowStart = mul(b, ids.by, index(t.tileM));
    Value columnStart = mul(b, ids.bx, index(t.tileN));
    forEachOwned(b, [&](OpBuilder &b, Value i, Value j, int64_t, int64_t) {
      Value m = add(b, rowStart, add(b, mul(b, i, index(t.tileM / t.threadM)), ty));
      Value n = add(b, columnStart, add(b, mul(b, j, index(t.tileN / t.threadN)), tx));
      Value inBounds = arith::AndIOp::create(b, loc, lessThan(b, m, index(p.m)),
                                             lessThan(b, n, index(p.n)));
      auto store = scf::IfOp::create(b, loc, inBounds, /*withElseRegion=*/false);
      OpBuilder then = OpBuilder::atBlockBegin(store.thenBlock());
      Value sum = memref::LoadOp::create(then, loc, acc, ValueRange{i, j});
      p.accumulate(then, loc, batchIndex(then), m, n, sum, /*atomic=*/t.splitK > 1);
    });
  }

  OpBuilder &outside;
  Location loc;
  const GemmProblem &p;
  TileConfig t;
  struct {
    Value bx, by, bz, tid;
  } ids;
  Value tileA, tileB, acc;
};

/// Splits `linear` into row-major coordinates over `extents`.
SmallVector<Value> delinearize(OpBuilder &b, Location loc, Value linear,
                               ArrayRef<int64_t> extents) {
  SmallVector<Value> coords(extents.size());
  for (int64_t d = extents.size() - 1; d >= 0; --d) {
    Value extent = arith::ConstantIndexOp::create(b, loc, extents[d]);
    coords[d] = d == 0 ? linear : arith::RemUIOp::create(b, loc, linear, extent);
    if (d > 0)
      linear = arith::DivUIOp::create(b, loc, linear, extent);
  }
  return coords;
}

void addInto(OpBuilder &b, Location loc, Value buffer, ValueRange indices, Value sum,
             bool atomic) {
  if (atomic) {
    memref::AtomicRMWOp::create(b, loc, arith::AtomicRMWKind::addf, sum, buffer, indices);
    return;
  }
  Value old = memref::LoadOp::create(b, loc, buffer, indices);
  memref::StoreOp::create(b, loc, arith::AddFOp::create(b, loc, old, sum), buffer,
                          indices);
}

bool isStaticF32(Value v) {
  auto type = dyn_cast<MemRefType>(v.getType());
  return type && type.hasStaticShape() && type.getElementType().isF32();
}

bool hasDefaultMaps(linalg::LinalgOp op) {
  if (auto matmul = dyn_cast<linalg::MatmulOp>(op.getOperation()))
    return llvm::equal(matmul.getIndexingMapsArray(),
                       linalg::MatmulOp::getDefaultIndexingMaps(op->getContext()));
  if (auto batch = dyn_cast<linalg::BatchMatmulOp>(op.getOperation()))
    return llvm::equal(batch.getIndexingMapsArray(),
                       linalg::BatchMatmulOp::getDefaultIndexingMaps(op->getContext()));
  return false;
}

/// C[b] += A[b] x B[b]; a plain matmul is a batch of one.
std::optional<GemmProblem> matmulProblem(linalg::LinalgOp op) {
  if (!op.hasPureBufferSemantics() || !hasDefaultMaps(op) ||
      !llvm::all_of(op->getOperands(), isStaticF32))
    return std::nullopt;
  Value a = op->getOperand(0), bm = op->getOperand(1), c = op->getOperand(2);
  bool batched = isa<linalg::BatchMatmulOp>(op.getOperation());
  ArrayRef<int64_t> aShape = cast<MemRefType>(a.getType()).getShape();
  ArrayRef<int64_t> cShape = cast<MemRefType>(c.getType()).getShape();
  GemmProblem p;
  p.batch = batched ? aShape[0] : 1;
  p.m = cShape[batched ? 1 : 0];
  p.n = cShape[batched ? 2 : 1];
  p.k = aShape[batched ? 2 : 1];
  auto at = [batched](Value batch, Value x, Value y) {
    return batched ? SmallVector<Value>{batch, x, y} : SmallVector<Value>{x, y};
  };
  p.loadA = [=](OpBuilder &b, Location loc, Value batch, Value m, Value k) -> Value {
    return memref::LoadOp::create(b, loc, a, at(batch, m, k));
  };
  p.loadB = [=](OpBuilder &b, Location loc, Value batch, Value k, Value n) -> Value {
    return memref::LoadOp::create(b, loc, bm, at(batch, k, n));
  };
  p.accumulate = [=](OpBuilder &b, Location loc, Value batch, Value m, Value n,
                     Value sum, bool atomic) {
    addInto(b, loc, c, at(batch, m, n), sum, atomic);
  };
  return p;
}

/// out[img, f, oh, ow] += sum over (c, kh, kw) of
/// w[f, c, kh, kw] * in[img, c, oh * s + kh * d, ow * s + kw * d].
std::optional<GemmProblem> convolutionProblem(linalg::Conv2DNchwFchwOp op) {
  if (!op.hasPureBufferSemantics() || !llvm::all_of(op->getOperands(), isStaticF32))
    return std::nullopt;
  Value input = op.getInputs()[0], filter = op.getInputs()[1], out = op.getOutputs()[0];
  ArrayRef<int64_t> w = cast<MemRefType>(filter.getType()).getShape();
  ArrayRef<int64_t> o = cast<MemRefType>(out.getType()).getShape();
  SmallVector<int64_t> strides = llvm::to_vector(op.getStrides().getValues<int64_t>());
  SmallVector<int64_t> dilations =
      llvm::to_vector(op.getDilations().getValues<int64_t>());
  GemmProblem p;
  p.m = w[0];
  p.k = w[1] * w[2] * w[3];
  p.n = o[0] * o[2] * o[3];
  SmallVector<int64_t> window = {w[1], w[2], w[3]}, pixels = {o[0], o[2], o[3]};
  p.loadA = [=](OpBuilder &b, Location loc, Value, Value f, Value k) -> Value {
    SmallVector<Value> ckk = delinearize(b, loc, k, window);
    return memref::LoadOp::create(b, loc, filter, ValueRange{f, ckk[0], ckk[1], ckk[2]});
  };
  p.loadB = [=](OpBuilder &b, Location loc, Value, Value k, Value n) -> Value {
    SmallVector<Value> ckk = delinearize(b, loc, k, window);
    SmallVector<Value> pix = delinearize(b, loc, n, pixels);
    auto position = [&](Value outIndex, int64_t stride, Value tap, int64_t dilation) {
      Value s = arith::ConstantIndexOp::create(b, loc, stride);
      Value d = arith::ConstantIndexOp::create(b, loc, dilation);
      return arith::AddIOp::create(b, loc, arith::MulIOp::create(b, loc, outIndex, s),
                                   arith::MulIOp::create(b, loc, tap, d))
          .getResult();
    };
    Value h = position(pix[1], strides[0], ckk[1], dilations[0]);
    Value x = position(pix[2], strides[1], ckk[2], dilations[1]);
    return memref::LoadOp::create(b, loc, input, ValueRange{pix[0], ckk[0], h, x});
  };
  p.accumulate = [=](OpBuilder &b, Location loc, Value, Value f, Value n, Value sum,
                     bool atomic) {
    SmallVector<Value> pix = delinearize(b, loc, n, pixels);
    addInto(b, loc, out, ValueRange{pix[0], f, pix[1], pix[2]}, sum, atomic);
  };
  return p;
}

struct SymGPUTileContractionsPass
    : public symc::impl::SymGPUTileContractionsBase<SymGPUTileContractionsPass> {
  void runOnOperation() override {
    SmallVector<std::pair<Operation *, GemmProblem>> work;
    getOperation().walk([&](Operation *op) {
      if (op->getParentOfType<gpu::LaunchOp>())
        return;
      std::optional<GemmProblem> problem;
      if (isa<linalg::MatmulOp, linalg::BatchMatmulOp>(op))
        problem = matmulProblem(cast<linalg::LinalgOp>(op));
      else if (auto conv = dyn_cast<linalg::Conv2DNchwFchwOp>(op))
        problem = convolutionProblem(conv);
      if (problem && problem->m > 0 && problem->n > 0 && problem->k > 0 &&
          problem->batch > 0)
        work.emplace_back(op, std::move(*problem));
    });
    for (auto &[op, problem] : work) {
      OpBuilder b(op);
      GemmKernelBuilder(b, op->getLoc(), problem, chooseTiles(problem)).build();
      op->erase();
    }
  }
};

} // namespace
