//===- HoistInvariantComputations.cpp - symc-hoist-invariant-computations -===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Bufferization/IR/Bufferization.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/Interfaces/DestinationStyleOpInterface.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
#include "mlir/Transforms/RegionUtils.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMHOISTINVARIANTCOMPUTATIONS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Ops that only re-view their operand: hoisting one would copy a weight
/// to save nothing.
bool isViewLike(Operation *op) {
  return isa<tensor::ExpandShapeOp, tensor::CollapseShapeOp, tensor::CastOp,
             tensor::ReshapeOp, tensor::EmptyOp>(op) ||
         op->hasTrait<OpTrait::ConstantLike>();
}

class Hoister {
public:
  explicit Hoister(func::FuncOp func) : func(func) {}

  /// Moves the invariant work of `func` into `<name>_prepare`; false when
  /// there is none.
  bool run(ModuleOp module) {
    Block &body = func.getBody().front();
    for (BlockArgument arg : func.getArguments())
      if (func.getArgAttr(arg.getArgNumber(), symc::kInvariantAttr)) {
        invariant.insert(arg);
        dependsOnArgument.insert(arg);
        arguments.push_back(arg);
        func.removeArgAttr(arg.getArgNumber(), symc::kInvariantAttr);
      }
    if (arguments.empty())
      return false;
    for (Operation &op : body.without_terminator())
      classify(&op);
    SmallVector<Value> frontier = findFrontier(body);
    if (frontier.empty())
      return false;
    func::FuncOp prepare = buildPrepare(module, frontier);
    recordPrepare(module, prepare, frontier);
    rewireEntry(frontier);
    return true;
  }

private:
  /// An op is invariant when it has no side effects and everything it
  /// uses, captured values included, is invariant; it does work when it is
  /// not a view or a constant, or an invariant value it uses does.
  void classify(Operation *op) {
    if (!isMemoryEffectFree(op))
      return;
    SetVector<Value> used(op->getOperands().begin(), op->getOperands().end());
    getUsedValuesDefinedAbove(op->getRegions(), used);
    if (!llvm::all_of(used, [&](Value v) { return invariant.contains(v); }))
      return;
    bool work = !isViewLike(op) ||
                llvm::any_of(used, [&](Value v) { return doesWork.contains(v); });
    bool fromArguments =
        llvm::any_of(used, [&](Value v) { return dependsOnArgument.contains(v); });
    for (Value result : op->getResults()) {
      invariant.insert(result);
      if (work)
        doesWork.insert(result);
      if (fromArguments)
        dependsOnArgument.insert(result);
    }
    hoistable.insert(op);
  }

  /// The invariant values, derived from the arguments by real work, that
  /// the rest of the function uses.
  SmallVector<Value> findFrontier(Block &body) {
    SetVector<Value> frontier;
    for (Operation &op : body) {
      if (hoistable.contains(&op))
        continue;
      // A destination the op writes into would be copied on every run (the
      // prepared values are read-only), which costs what computing it does.
      auto dps = dyn_cast<DestinationStyleOpInterface>(&op);
      SetVector<Value> used;
      for (OpOperand &operand : op.getOpOperands())
        if (!dps || !dps.isDpsInit(&operand))
          used.insert(operand.get());
      getUsedValuesDefinedAbove(op.getRegions(), used);
      for (Value v : used) {
        // The runtime allocates the prepared values: static shapes only
        // (the rest stays in the entry).
        auto type = dyn_cast<RankedTensorType>(v.getType());
        if (doesWork.contains(v) && dependsOnArgument.contains(v) && type &&
            type.hasStaticShape())
          frontier.insert(v);
      }
    }
    return frontier.takeVector();
  }

  /// `<name>_prepare(invariant arguments) -> frontier`, with the ops the
  /// frontier needs, in their order.
  func::FuncOp buildPrepare(ModuleOp module, ArrayRef<Value> frontier) {
    SetVector<Operation *> needed;
    SmallVector<Value> work(frontier.begin(), frontier.end());
    while (!work.empty()) {
      Operation *def = work.pop_back_val().getDefiningOp();
      if (!def || !needed.insert(def))
        continue;
      SetVector<Value> used(def->getOperands().begin(), def->getOperands().end());
      getUsedValuesDefinedAbove(def->getRegions(), used);
      work.append(used.begin(), used.end());
    }
    // Only the arguments the hoisted ops read.
    llvm::erase_if(arguments, [&](BlockArgument arg) {
      return llvm::none_of(arg.getUsers(), [&](Operation *user) {
        return needed.contains(func.getBody().front().findAncestorOpInBlock(*user));
      });
    });
    OpBuilder b(module.getContext());
    b.setInsertionPointAfter(func);
    SmallVector<Type> argTypes = llvm::map_to_vector(arguments, [](Value v) { return v.getType(); });
    SmallVector<Type> resultTypes =
        llvm::map_to_vector(frontier, [](Value v) { return v.getType(); });
    auto prepare = func::FuncOp::create(b, func.getLoc(), (func.getName() + "_prepare").str(),
                                        b.getFunctionType(argTypes, resultTypes));
    SymbolTable(module).insert(prepare);
    symc::setCInterfaceEntry(prepare);
    Block *entry = prepare.addEntryBlock();
    for (unsigned i = 0; i < entry->getNumArguments(); ++i)
      prepare.setArgAttr(i, bufferization::BufferizationDialect::kWritableAttrName,
                         b.getBoolAttr(false));
    IRMapping mapping;
    for (auto [from, to] : llvm::zip(arguments, entry->getArguments()))
      mapping.map(from, to);
    b.setInsertionPointToStart(entry);
    for (Operation &op : func.getBody().front())
      if (needed.contains(&op))
        b.clone(op, mapping);
    func::ReturnOp::create(b, func.getLoc(),
                           llvm::map_to_vector(frontier, [&](Value v) {
                             return mapping.lookup(v);
                           }));
    return prepare;
  }

  /// The entry takes the frontier as trailing arguments; the hoisted ops it
  /// no longer uses are erased.
  void rewireEntry(ArrayRef<Value> frontier) {
    Block &body = func.getBody().front();
    // Every run reads the prepared values: bufferization must not write
    // into them in place. (insertArgument keeps the argument attributes of
    // the function in step with its arguments.)
    Builder b(func.getContext());
    DictionaryAttr readOnly = b.getDictionaryAttr(b.getNamedAttr(
        bufferization::BufferizationDialect::kWritableAttrName, b.getBoolAttr(false)));
    for (Value v : frontier) {
      if (failed(func.insertArgument(func.getNumArguments(), v.getType(), readOnly,
                                     v.getLoc())))
        llvm_unreachable("a func.func takes any number of arguments");
      BlockArgument prepared = body.getArguments().back();
      v.replaceUsesWithIf(prepared, [&](OpOperand &use) {
        Operation *user = body.findAncestorOpInBlock(*use.getOwner());
        return user && !hoistable.contains(user);
      });
    }
    for (Operation &op : llvm::make_early_inc_range(llvm::reverse(body)))
      if (hoistable.contains(&op) && op.use_empty())
        op.erase();
  }

  void recordPrepare(ModuleOp module, func::FuncOp prepare, ArrayRef<Value> frontier) {
    Builder b(module.getContext());
    SmallVector<int64_t> indices = llvm::map_to_vector(arguments, [](BlockArgument a) {
      return static_cast<int64_t>(a.getArgNumber());
    });
    SmallVector<Attribute> types = llvm::map_to_vector(
        frontier, [](Value v) -> Attribute { return TypeAttr::get(v.getType()); });
    module->setAttr(symc::kPrepareAttr,
                    b.getDictionaryAttr({
                        b.getNamedAttr("function", b.getStringAttr(prepare.getName())),
                        b.getNamedAttr("arguments", b.getDenseI64ArrayAttr(indices)),
                        b.getNamedAttr("types", b.getArrayAttr(types)),
                    }));
  }

  func::FuncOp func;
  SmallVector<BlockArgument> arguments;
  DenseSet<Value> invariant, doesWork, dependsOnArgument;
  llvm::SmallPtrSet<Operation *, 32> hoistable;
};

struct SymHoistInvariantComputationsPass
    : public symc::impl::SymHoistInvariantComputationsBase<
          SymHoistInvariantComputationsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SmallVector<func::FuncOp> entries;
    for (auto func : module.getOps<func::FuncOp>())
      if (func.isPublic() && !func.isExternal())
        entries.push_back(func);
    func::FuncOp hoisted;
    for (func::FuncOp func : entries) {
      if (!Hoister(func).run(module))
        continue;
      if (hoisted) {
        func.emitError("symc-hoist-invariant-computations handles one entry "
                       "with invariant arguments, '")
            << hoisted.getName() << "' has them too";
        return signalPassFailure();
      }
      hoisted = func;
    }
  }
};

} // namespace
