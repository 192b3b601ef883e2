//===- PrefetchNextBlock.cpp - symc-prefetch-next-block -------------------===//
//
// Prefetches into L2, spread over each iteration of a marked loop, the views
// of outside buffers that the next iteration will read.
//
//===----------------------------------------------------------------------===//

#include "CPUSchedule/Schedules.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Affine/IR/AffineOps.h"
#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Utils/IndexingUtils.h"
#include "mlir/Dialect/Utils/StaticValueUtils.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Interfaces/ViewLikeInterface.h"

#include <limits>

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMPREFETCHNEXTBLOCK
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

constexpr int64_t kCacheLineBytes = 64;
/// Larger views are not prefetched whole: they would not fit L2 beside
/// the current block's data.
constexpr int64_t kMaxPrefetchBytes = 256 << 10;
/// The most prefetches issued together (see prefetchNextIteration).
constexpr int64_t kMaxPrefetchBurst = 4;
/// The most prefetches of an accumulator in one burst (see
/// prefetchNextAccumulator): an 8 x 32 f32 tile takes 24.
constexpr int64_t kMaxAccumulatorPrefetches = 32;

/// Whether `value` is computed in `loop`'s body from its induction
/// variable (and values defined outside the loop).
bool dependsOnInductionVar(Value value, scf::ForOp loop) {
  if (value == loop.getInductionVar())
    return true;
  Operation *def = value.getDefiningOp();
  if (!def || def->getBlock() != loop.getBody())
    return false;
  return llvm::any_of(def->getOperands(),
                      [&](Value v) { return dependsOnInductionVar(v, loop); });
}

/// The views that `loop`'s iterations take of buffers from outside it, at
/// offsets that move with the induction variable: static sizes, at most
/// kMaxPrefetchBytes.
SmallVector<memref::SubViewOp> movingViews(scf::ForOp loop) {
  SmallVector<memref::SubViewOp> views;
  for (auto view : loop.getBody()->getOps<memref::SubViewOp>()) {
    MemRefType type = view.getType();
    if (!type.hasStaticShape() || !type.getElementType().isIntOrFloat() ||
        !loop.isDefinedOutsideOfLoop(view.getSource()) ||
        !llvm::any_of(view.getOffsets(),
                      [&](Value v) { return dependsOnInductionVar(v, loop); }))
      continue;
    int64_t bytes = type.getNumElements() * type.getElementTypeBitWidth() / 8;
    if (bytes <= kMaxPrefetchBytes)
      views.push_back(view);
  }
  return views;
}

/// The elements of one prefetch along `type`'s innermost dimension: a cache
/// line where it is contiguous, else one.
int64_t elementsPerLine(MemRefType type) {
  auto [strides, offset] = type.getStridesAndOffset();
  if (strides.back() != 1)
    return 1;
  return std::max<int64_t>(1, kCacheLineBytes * 8 / type.getElementTypeBitWidth());
}

/// `type`'s shape in prefetches: the innermost dimension in lines.
SmallVector<int64_t> lineShape(MemRefType type) {
  SmallVector<int64_t> shape(type.getShape());
  int64_t perLine = elementsPerLine(type);
  shape.back() = (shape.back() + perLine - 1) / perLine;
  return shape;
}

/// `loop`'s iteration count, where its bounds and step are constants.
std::optional<int64_t> tripCount(scf::ForOp loop) {
  std::optional<int64_t> lb = getConstantIntValue(loop.getLowerBound()),
                         ub = getConstantIntValue(loop.getUpperBound()),
                         step = getConstantIntValue(loop.getStep());
  if (!lb || !ub || !step || *step <= 0)
    return std::nullopt;
  return std::max<int64_t>(0, (*ub - *lb + *step - 1) / *step);
}

/// The innermost static loop nested in `loop` (through loops only) with the
/// most iterations in all, and the loops from `loop`'s body down to it.
SmallVector<scf::ForOp> busiestNest(scf::ForOp loop) {
  SmallVector<scf::ForOp> best;
  int64_t bestTrips = 0;
  SmallVector<scf::ForOp> path;
  std::function<void(Block *, int64_t)> visit = [&](Block *body, int64_t trips) {
    bool leaf = true;
    for (auto inner : body->getOps<scf::ForOp>()) {
      std::optional<int64_t> count = tripCount(inner);
      if (!count)
        continue;
      leaf = false;
      path.push_back(inner);
      visit(inner.getBody(), trips * *count);
      path.pop_back();
    }
    if (leaf && !path.empty() && trips > bestTrips) {
      bestTrips = trips;
      best = path;
    }
  };
  visit(loop.getBody(), 1);
  return best;
}

/// Each view type's line offsets as constant tables: module globals, one
/// per distinct table.
class LineTables {
public:
  explicit LineTables(ModuleOp module) : module(module), symbols(module) {}

  /// A global holding the element offset of each line of a view of `type`
  /// (lineShape's lines in row-major order) from the view's first element,
  /// or none when `type`'s strides are not static (or an offset needs more
  /// than 32 bits).
  memref::GlobalOp tableFor(MemRefType type) {
    SmallVector<int64_t> strides = type.getStridesAndOffset().first;
    if (llvm::any_of(strides, ShapedType::isDynamic))
      return nullptr;
    SmallVector<int64_t> lines = lineShape(type);
    int64_t perLine = elementsPerLine(type);
    SmallVector<int32_t> offsets;
    for (int64_t line = 0, count = ShapedType::getNumElements(lines); line < count; ++line) {
      SmallVector<int64_t> index = delinearize(line, computeStrides(lines));
      index.back() *= perLine;
      int64_t element = 0;
      for (auto [i, stride] : llvm::zip(index, strides))
        element += i * stride;
      if (element > std::numeric_limits<int32_t>::max())
        return nullptr;
      offsets.push_back(int32_t(element));
    }
    auto tableType = MemRefType::get({int64_t(offsets.size())},
                                     IntegerType::get(module.getContext(), 32));
    auto values = DenseElementsAttr::get(
        RankedTensorType::get(tableType.getShape(), tableType.getElementType()),
        ArrayRef<int32_t>(offsets));
    memref::GlobalOp &global = byValues[values];
    if (!global) {
      OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
      global = memref::GlobalOp::create(b, module.getLoc(), "__symc_prefetch_lines",
                                        b.getStringAttr("private"), tableType, values,
                                        /*constant=*/true, /*alignment=*/nullptr);
      symbols.insert(global); // renames it when taken
    }
    return global;
  }

private:
  ModuleOp module;
  SymbolTable symbols;
  llvm::DenseMap<Attribute, memref::GlobalOp> byValues;
};

/// `view` as a 1-D memref from its first element on, covering its last
/// element: a table's offsets index it.
Value flattened(OpBuilder &b, Location loc, Value view) {
  auto type = cast<MemRefType>(view.getType());
  SmallVector<int64_t> strides = type.getStridesAndOffset().first;
  int64_t span = 1;
  for (auto [size, stride] : llvm::zip(type.getShape(), strides))
    span += (size - 1) * stride;
  auto metadata = memref::ExtractStridedMetadataOp::create(b, loc, view);
  auto flatType = MemRefType::get(
      {span}, type.getElementType(),
      StridedLayoutAttr::get(b.getContext(), ShapedType::kDynamic, {1}));
  return memref::ReinterpretCastOp::create(b, loc, flatType, metadata.getBaseBuffer(),
                                           OpFoldResult(metadata.getOffset()),
                                           ArrayRef<OpFoldResult>{b.getIndexAttr(span)},
                                           ArrayRef<OpFoldResult>{b.getIndexAttr(1)});
}

/// The views of `views` at `loop`'s next iteration (clamped to the last,
/// whose views then repeat its own), computed after the last of them in
/// `loop`'s body; `b` is left after them.
SmallVector<Value> nextIterationViews(OpBuilder &b, scf::ForOp loop,
                                      ArrayRef<memref::SubViewOp> views) {
  Location loc = loop.getLoc();
  b.setInsertionPointAfter(views.back());
  Value next = arith::AddIOp::create(b, loc, loop.getInductionVar(), loop.getStep());
  Value last = arith::SubIOp::create(b, loc, loop.getUpperBound(), loop.getStep());
  next = arith::MinSIOp::create(b, loc, next, last);
  IRMapping mapping;
  mapping.map(loop.getInductionVar(), next);
  SmallVector<Value> nextViews;
  for (memref::SubViewOp view : views) {
    SmallVector<Operation *> chain;
    std::function<void(Value)> collect = [&](Value v) {
      Operation *def = v.getDefiningOp();
      if (!def || def->getBlock() != loop.getBody() || llvm::is_contained(chain, def) ||
          def == next.getDefiningOp() || def == last.getDefiningOp())
        return;
      for (Value operand : def->getOperands())
        collect(operand);
      chain.push_back(def);
    };
    for (Value operand : view->getOperands())
      collect(operand);
    for (Operation *op : chain)
      if (!mapping.contains(op->getResult(0)))
        b.clone(*op, mapping);
    nextViews.push_back(b.clone(*view, mapping)->getResult(0));
  }
  return nextViews;
}

/// Prefetches of the next iteration of `loop`, spread over the iterations
/// of its busiest inner nest: a few cache lines per iteration, the k-th
/// line of the views (in order) at the nest's (k / burst)-th iteration. A
/// burst of prefetches at the iteration's start fills the core's miss
/// buffers and stalls it until memory delivers, as the demand loads did.
void prefetchNextIteration(scf::ForOp loop, LineTables &tables) {
  SmallVector<memref::SubViewOp> views = movingViews(loop);
  SmallVector<scf::ForOp> nest = busiestNest(loop);
  if (views.empty() || nest.empty())
    return;
  Location loc = loop.getLoc();
  OpBuilder b(loop.getContext());
  SmallVector<Value> nextViews = nextIterationViews(b, loop, views);
  // Where a table gives the lines' offsets, the views flattened, once per
  // iteration of `loop`.
  SmallVector<std::pair<memref::GlobalOp, Value>> lookups;
  for (Value view : nextViews) {
    memref::GlobalOp table = tables.tableFor(cast<MemRefType>(view.getType()));
    lookups.push_back({table, table ? flattened(b, loc, view) : Value()});
  }
  // The prefetches go in the body of the outermost loop of the nest whose
  // iterations (counted with the loops around it) take them in bursts of
  // at most kMaxPrefetchBurst: their address arithmetic (a delinearized
  // line index) per innermost iteration cost ResNet's 64-channel 3x3
  // layers 6% (one c step of 48 FMAs), and longer bursts stall as the
  // demand loads did.
  int64_t totalLines = 0;
  for (Value view : nextViews)
    totalLines += ShapedType::getNumElements(lineShape(cast<MemRefType>(view.getType())));
  int64_t levels = 0, trips = 1;
  while (levels < int64_t(nest.size()) &&
         (levels == 0 || llvm::divideCeil(totalLines, trips) > kMaxPrefetchBurst))
    trips *= *tripCount(nest[levels++]);
  int64_t perIteration = llvm::divideCeil(totalLines, trips);
  b.setInsertionPointToStart(nest[levels - 1].getBody());
  // The iteration's number in the levels' nest, and its first line.
  Value k = arith::ConstantIndexOp::create(b, loc, 0);
  for (scf::ForOp inner : ArrayRef(nest).take_front(levels)) {
    int64_t count = *tripCount(inner);
    Value trip = arith::DivSIOp::create(
        b, loc, arith::SubIOp::create(b, loc, inner.getInductionVar(), inner.getLowerBound()),
        inner.getStep());
    k = arith::AddIOp::create(
        b, loc, arith::MulIOp::create(b, loc, k, arith::ConstantIndexOp::create(b, loc, count)),
        trip);
  }
  if (perIteration > 1) {
    k = arith::MulIOp::create(b, loc, k, arith::ConstantIndexOp::create(b, loc, perIteration));
    auto burst = scf::ForOp::create(b, loc, arith::ConstantIndexOp::create(b, loc, 0),
                                    arith::ConstantIndexOp::create(b, loc, perIteration),
                                    arith::ConstantIndexOp::create(b, loc, 1));
    b.setInsertionPointToStart(burst.getBody());
    k = arith::AddIOp::create(b, loc, k, burst.getInductionVar());
  }
  int64_t first = 0;
  for (auto [view, lookup] : llvm::zip(nextViews, lookups)) {
    auto type = cast<MemRefType>(view.getType());
    SmallVector<int64_t> lines = lineShape(type);
    int64_t count = ShapedType::getNumElements(lines);
    Value begin = arith::ConstantIndexOp::create(b, loc, first);
    Value end = arith::ConstantIndexOp::create(b, loc, first + count);
    Value inRange = arith::AndIOp::create(
        b, loc, arith::CmpIOp::create(b, loc, arith::CmpIPredicate::sge, k, begin),
        arith::CmpIOp::create(b, loc, arith::CmpIPredicate::slt, k, end));
    auto ifOp = scf::IfOp::create(b, loc, inRange, /*withElseRegion=*/false);
    OpBuilder ib = ifOp.getThenBodyBuilder();
    Value line = arith::SubIOp::create(ib, loc, k, begin);
    if (auto [table, flat] = lookup; table) {
      Value offsets = memref::GetGlobalOp::create(ib, loc, table.getType(), table.getSymName());
      Value element = arith::IndexCastOp::create(
          ib, loc, ib.getIndexType(), memref::LoadOp::create(ib, loc, offsets, line));
      memref::PrefetchOp::create(ib, loc, flat, element, /*isWrite=*/false,
                                 /*localityHint=*/2, /*isDataCache=*/true);
      first += count;
      continue;
    }
    auto indices =
        affine::AffineDelinearizeIndexOp::create(ib, loc, line, lines, /*hasOuterBound=*/true);
    SmallVector<Value> at(indices.getResults());
    at.back() = arith::MulIOp::create(
        ib, loc, at.back(), arith::ConstantIndexOp::create(ib, loc, elementsPerLine(type)));
    memref::PrefetchOp::create(ib, loc, view, at, /*isWrite=*/false, /*localityHint=*/2,
                               /*isDataCache=*/true);
    first += count;
  }
}

/// Whether the ops using `view` (directly or through views of it) write
/// into it.
bool isWrittenThrough(Value view) {
  for (Operation *user : view.getUsers()) {
    if (isa<ViewLikeOpInterface>(user) && user->getNumResults() == 1) {
      if (isWrittenThrough(user->getResult(0)))
        return true;
      continue;
    }
    if (hasEffect<MemoryEffects::Write>(user, view))
      return true;
  }
  return false;
}

/// The element offsets along a row of `type`'s innermost dimension that
/// touch each of its cache lines wherever the row starts: one per line of
/// a line-aligned row, and the row's last element, on a line of its own
/// where the row is not aligned (an output buffer from malloc, 16 bytes
/// past a line: the 1024 matmul's tiles of C waited for that third line of
/// each row, 0.87-0.91 of OpenBLAS where aligned buffers reached
/// 0.93-0.95).
SmallVector<int64_t> rowOffsets(MemRefType type) {
  int64_t row = type.getShape().back(), perLine = elementsPerLine(type);
  SmallVector<int64_t> offsets;
  for (int64_t offset = 0; offset < row; offset += perLine)
    offsets.push_back(offset);
  if (perLine > 1 && row > 1)
    offsets.push_back(row - 1);
  return offsets;
}

/// Prefetches into L1, in one burst at the start of each iteration of
/// `loop`, the lines of the next iteration's views that the body writes
/// into (a register tile's accumulator), when they take at most
/// kMaxAccumulatorPrefetches: a row of register tiles loads each tile of C
/// from L2 or beyond at its start, 16 lines at once, which the core waited
/// for (the 1024 and 777 matmuls: 3-4%). Unlike a block's operands, the
/// lines are few and the iteration long, so a burst does not stall it.
void prefetchNextAccumulator(scf::ForOp loop) {
  SmallVector<memref::SubViewOp> views = llvm::filter_to_vector(
      movingViews(loop), [](memref::SubViewOp view) { return isWrittenThrough(view); });
  int64_t prefetches = 0;
  for (memref::SubViewOp view : views) {
    MemRefType type = view.getType();
    prefetches += type.getNumElements() / type.getShape().back() * rowOffsets(type).size();
  }
  if (views.empty() || prefetches > kMaxAccumulatorPrefetches)
    return;
  OpBuilder b(loop.getContext());
  Location loc = loop.getLoc();
  SmallVector<Value> nextViews = nextIterationViews(b, loop, views);
  llvm::DenseMap<int64_t, Value> constants;
  auto constant = [&](int64_t i) {
    Value &value = constants[i];
    if (!value)
      value = arith::ConstantIndexOp::create(b, loc, i);
    return value;
  };
  for (Value view : nextViews) {
    auto type = cast<MemRefType>(view.getType());
    SmallVector<int64_t> rows(type.getShape().drop_back());
    for (int64_t row = 0, count = ShapedType::getNumElements(rows); row < count; ++row) {
      SmallVector<int64_t> index = rows.empty() ? SmallVector<int64_t>()
                                                : delinearize(row, computeStrides(rows));
      for (int64_t offset : rowOffsets(type)) {
        SmallVector<Value> at = llvm::map_to_vector(index, constant);
        at.push_back(constant(offset));
        memref::PrefetchOp::create(b, loc, view, at, /*isWrite=*/false, /*localityHint=*/3,
                                   /*isDataCache=*/true);
      }
    }
  }
}

struct SymPrefetchNextBlockPass
    : symc::impl::SymPrefetchNextBlockBase<SymPrefetchNextBlockPass> {
  void runOnOperation() override {
    SmallVector<scf::ForOp> loops;
    LineTables tables(getOperation());
    getOperation().walk([&](scf::ForOp loop) {
      if (loop->hasAttr(symc::cpu::kPrefetchNextBlockAttr))
        loops.push_back(loop);
    });
    for (scf::ForOp loop : loops) {
      loop->removeAttr(symc::cpu::kPrefetchNextBlockAttr);
      prefetchNextIteration(loop, tables);
    }
    SmallVector<scf::ForOp> accumulating;
    getOperation().walk([&](scf::ForOp loop) {
      if (loop->hasAttr(symc::cpu::kPrefetchNextAccumulatorAttr))
        accumulating.push_back(loop);
    });
    for (scf::ForOp loop : accumulating) {
      loop->removeAttr(symc::cpu::kPrefetchNextAccumulatorAttr);
      prefetchNextAccumulator(loop);
    }
  }
};

} // namespace
