//===- OutlineKernels.cpp - symc-outline-kernels ---------------------------===//
//
// Moves each top-level op with regions of a function (a loop nest, an
// OpenMP parallel region) into a private `noinline` function of its own,
// so that LLVM analyses one kernel at a time rather than a whole model.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Transforms/RegionUtils.h"
#include "llvm/ADT/SetVector.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMOUTLINEKERNELS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// Whether `op` is cloned into each kernel that uses it rather than passed:
/// a constant or a global's address.
bool clonedIntoKernels(Operation *op) {
  return op && op->getNumOperands() == 0 &&
         (op->hasTrait<OpTrait::ConstantLike>() || isa<memref::GetGlobalOp>(op));
}

/// Moves `kernel` (a top-level op of `parent` with regions) into a new
/// private function named `name`, called in its place.
void outline(func::FuncOp parent, Operation *kernel, StringRef name, SymbolTable &symbols) {
  llvm::SetVector<Value> used(kernel->operand_begin(), kernel->operand_end());
  getUsedValuesDefinedAbove(kernel->getRegions(), used);
  SmallVector<Value> arguments;
  SmallVector<Operation *> clones;
  for (Value value : used) {
    Operation *def = value.getDefiningOp();
    if (clonedIntoKernels(def)) {
      if (!llvm::is_contained(clones, def))
        clones.push_back(def);
      continue;
    }
    arguments.push_back(value);
  }
  OpBuilder b(parent);
  auto type = b.getFunctionType(ValueRange(arguments).getTypes(), kernel->getResultTypes());
  auto fn = func::FuncOp::create(b, kernel->getLoc(), name, type);
  fn.setPrivate();
  // Inlined back, the kernels would be one function again.
  fn->setAttr("passthrough", b.getArrayAttr({b.getStringAttr("noinline")}));
  symbols.insert(fn);
  Block *body = fn.addEntryBlock();
  OpBuilder inside = OpBuilder::atBlockBegin(body);
  IRMapping mapping;
  mapping.map(arguments, body->getArguments());
  for (Operation *op : clones)
    inside.clone(*op, mapping);
  Operation *moved = inside.clone(*kernel, mapping);
  func::ReturnOp::create(inside, kernel->getLoc(), moved->getResults());
  OpBuilder at(kernel);
  auto call = func::CallOp::create(at, kernel->getLoc(), fn, arguments);
  kernel->replaceAllUsesWith(call.getResults());
  kernel->erase();
}

struct SymOutlineKernelsPass : symc::impl::SymOutlineKernelsBase<SymOutlineKernelsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    SmallVector<func::FuncOp> functions(module.getOps<func::FuncOp>());
    for (func::FuncOp parent : functions) {
      if (parent.isExternal())
        continue;
      SmallVector<Operation *> kernels;
      for (Operation &op : parent.getBody().getOps())
        if (op.getNumRegions() > 0)
          kernels.push_back(&op);
      // One kernel is the function already.
      if (kernels.size() < 2)
        continue;
      for (auto [index, kernel] : llvm::enumerate(kernels))
        outline(parent, kernel, (parent.getSymName() + "_kernel" + Twine(index)).str(),
                symbols);
    }
  }
};

} // namespace
