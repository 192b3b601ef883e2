//===- Schedules.h - the schedule families of symc-cpu-schedule -*- C++ -*-===//
//
// Each family rewrites and tags the ops it schedules and returns the
// transform-dialect text that schedules them; the pass (CPUSchedule.cpp)
// joins the texts into one sequence and runs it. Schedules are data: the
// tiles come from the host's register tile and the op's shape, never from
// a fixed ISA.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_LIB_TRANSFORMS_CPUSCHEDULE_SCHEDULES_H
#define SYMC_LIB_TRANSFORMS_CPUSCHEDULE_SCHEDULES_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"

#include <string>

namespace symc::cpu {

/// The host's register tile: `rows` x `columns` f32 accumulators (columns
/// being two vectors wide), and the vector FMAs (of that width) the host
/// issues per cycle.
struct RegisterTile {
  int64_t rows = 0, columns = 0;
  int64_t fmasPerCycle = 2;
};

/// The register tile of a matmul of `m` rows: the host's, with fewer rows
/// where the host's would leave a partial tile of more than a sixteenth of
/// the work and a divisor of m down to 4 rows (8 accumulators, the FMA
/// chains that hide the latency) divides them: the partial tile's few rows
/// would leave the FMA latency exposed. On Zen 4, Winograd's 49-row
/// matmuls of SqueezeNet's 13x13 layers (48 -> 192 channels) took 0.155
/// rather than 0.188 ms a layer in 7 x 32 tiles (8 x 32: six tiles and one
/// of a row). Matmuls of fewer rows than the host tile keep it (and loop
/// a row of B at a time, see scheduleMatmuls).
RegisterTile matmulRegisterTile(int64_t m, RegisterTile host);

/// Static f32 matmuls and batch matmuls (split into a loop of matmuls, an
/// scf.forall where `threads` share the batch evenly): operands packed for
/// register tiles (matmulRegisterTile), depth blocks whose panel of B fits
/// half of `l1Bytes`, row blocks whose block of A fits half of `l2Bytes`,
/// FMA outer products; with several `threads`, row blocks (or column
/// panels) in an scf.forall. Those with fewer rows than a register tile
/// loop (i, k, j), a row of B at a time.
std::string scheduleMatmuls(mlir::ModuleOp module, RegisterTile tile, int64_t l1Bytes,
                            int64_t l2Bytes, int64_t threads);
/// NCHW convolutions, rewritten channel-last (padded to the register tile)
/// and computed directly, input channels blocked to a part of `l1Bytes` of
/// weights per filter tile, images and rows blocked so that the fewest
/// bytes move into the `l2Bytes` L2 (those from beyond an `l3Bytes` L3
/// counting twice); with several `threads`, row blocks, images, rows or
/// filter tiles in an scf.forall, for convolutions of `minParallelFlops`
/// or more.
std::string scheduleConvolutions(mlir::ModuleOp module, RegisterTile tile,
                                 int64_t l1Bytes, int64_t l2Bytes, int64_t l3Bytes,
                                 int64_t threads, double minParallelFlops);
/// NCHW 3x3 stride-1 convolutions whose channels are whole vectors (and
/// enough of them) rewritten as Winograd F(m x m, 3x3), m = `tileOutputs`
/// (2 or 4; 0: 4 where the output's sides are multiples of 4, else 2),
/// block by block of tiles (images or tile rows, the block that moves the
/// fewest bytes beyond `l2Bytes`, those from beyond `l3Bytes` counting
/// twice; blocks shared among `threads`): input and output transforms
/// vectorized over the channels around a linalg.batch_matmul for
/// scheduleMatmuls, which must run after.
void rewriteWinogradConvolutions(mlir::ModuleOp module, RegisterTile tile, int64_t l2Bytes,
                                 int64_t l3Bytes, int64_t threads, int64_t tileOutputs);
/// NCHW max and sum pooling with the output row innermost (vectorizable).
std::string schedulePooling(mlir::ModuleOp module);
/// Transposes in cache-line blocks (after scheduleConvolutions, which
/// makes some), those of paddings into the padded result's interior; with
/// several `threads`, large ones split among them.
std::string scheduleTransposes(mlir::ModuleOp module, int64_t threads);

/// The transform patterns that lower the vectorized contractions of the
/// matmul and convolution schedules to FMA outer products; the handle %f
/// is the sequence's functions.
inline constexpr llvm::StringLiteral kLowerContractionsToFMA = R"(
    transform.apply_patterns to %f {
      transform.apply_patterns.vector.lower_contraction lowering_strategy = "outerproduct"
      transform.apply_patterns.vector.transfer_permutation_patterns
      transform.apply_patterns.vector.lower_outerproduct
      transform.apply_patterns.canonicalization
    } : !transform.any_op
)";

/// The attributes the families tag ops with (removed after the schedule).
inline constexpr llvm::StringLiteral kMatmulKernelAttr = "symc.matmul_kernel";
inline constexpr llvm::StringLiteral kMatmulPackAttr = "symc.matmul_pack";
inline constexpr llvm::StringLiteral kMatmulRowsAttr = "symc.matmul_rows";
inline constexpr llvm::StringLiteral kConvScheduleAttr = "symc.conv_schedule";
inline constexpr llvm::StringLiteral kDepthwiseScheduleAttr = "symc.depthwise_schedule";
inline constexpr llvm::StringLiteral kTransposeTileAttr = "symc.transpose_tile";
/// The loops that symc-prefetch-next-block prefetches the next iteration of
/// (left on the loops for it).
inline constexpr llvm::StringLiteral kPrefetchNextBlockAttr = "symc.prefetch_next_block";
/// The loops whose next iteration's accumulator symc-prefetch-next-block
/// prefetches at the start of each iteration (a row of register tiles).
inline constexpr llvm::StringLiteral kPrefetchNextAccumulatorAttr =
    "symc.prefetch_next_accumulator";

} // namespace symc::cpu

#endif // SYMC_LIB_TRANSFORMS_CPUSCHEDULE_SCHEDULES_H
