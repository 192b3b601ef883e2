//===- OutlineKernels.cpp - symc-outline-kernels ---------------------------===//
//
// Moves each top-level op with regions of a function (a loop nest, an
// OpenMP parallel region) into a private `noinline` function of its own,
// so that LLVM analyses one kernel at a time rather than a whole model;
// fills compile for size and the calling function without optimization.
// A kernel identical to one outlined before calls that one instead.
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/IRMapping.h"
#include "mlir/IR/Matchers.h"
#include "mlir/IR/SymbolTable.h"
#include "mlir/Interfaces/SideEffectInterfaces.h"
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

/// Whether `kernel` only stores constants (a fill lowered to loops, such as
/// the border of a padded buffer).
bool onlyStoresConstants(Operation *kernel) {
  bool stores = false;
  WalkResult walk = kernel->walk([&](Operation *op) {
    if (auto store = dyn_cast<memref::StoreOp>(op)) {
      stores = true;
      return matchPattern(store.getValue(), m_Constant()) ? WalkResult::advance()
                                                          : WalkResult::interrupt();
    }
    return isMemoryEffectFree(op) || op->hasTrait<OpTrait::IsTerminator>() ||
                   isa<scf::ForOp>(op)
               ? WalkResult::advance()
               : WalkResult::interrupt();
  });
  return stores && !walk.wasInterrupted();
}

/// Moves `kernel` (a top-level op of `parent` with regions) into a new
/// private function named `name`, called in its place; returns the call.
func::CallOp outline(func::FuncOp parent, Operation *kernel, StringRef name,
                     SymbolTable &symbols) {
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
  // Inlined back, the kernels would be one function again. A fill is
  // compiled for size: its stores run at memory speed however they are
  // scheduled, and LLVM unrolled the fills of a padded buffer's column
  // borders (rows of 64 floats) into blocks its machine scheduler took a
  // second each over (ResNet-18 at batch 8: 18 fills, 16 s of compile).
  SmallVector<Attribute> passthrough = {b.getStringAttr("noinline")};
  if (onlyStoresConstants(kernel))
    passthrough.append({b.getStringAttr("minsize"), b.getStringAttr("optsize")});
  fn->setAttr("passthrough", b.getArrayAttr(passthrough));
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
  return call;
}

/// The kernels outlined so far, by a hash of their type and body, so that a
/// kernel identical to an earlier one (a repeated layer: BERT's twelve
/// encoder blocks, ResNet's same-shaped convolutions) calls that one and
/// LLVM compiles it once.
class KernelTable {
public:
  /// The function `call` calls, or an earlier identical one, which `call`
  /// then calls instead (the new function is erased).
  void addOrReuse(func::CallOp call, SymbolTable &symbols) {
    auto fn = symbols.lookup<func::FuncOp>(call.getCallee());
    SmallVector<func::FuncOp, 1> &candidates = byHash[hashOf(fn)];
    for (func::FuncOp earlier : candidates) {
      if (!isSameKernel(earlier, fn))
        continue;
      call.setCallee(earlier.getSymName());
      symbols.erase(fn);
      return;
    }
    candidates.push_back(fn);
  }

private:
  static llvm::hash_code hashOf(func::FuncOp fn) {
    llvm::hash_code hash = hash_value(fn.getFunctionType());
    fn.getBody().walk([&](Operation *op) {
      hash = llvm::hash_combine(
          hash, OperationEquivalence::computeHash(op, OperationEquivalence::ignoreHashValue,
                                                  OperationEquivalence::ignoreHashValue,
                                                  OperationEquivalence::IgnoreLocations));
    });
    return hash;
  }

  static bool isSameKernel(func::FuncOp a, func::FuncOp b) {
    return a.getFunctionType() == b.getFunctionType() &&
           a->getAttr("passthrough") == b->getAttr("passthrough") &&
           OperationEquivalence::isRegionEquivalentTo(&a.getBody(), &b.getBody(),
                                                      OperationEquivalence::IgnoreLocations);
  }

  llvm::DenseMap<llvm::hash_code, SmallVector<func::FuncOp, 1>> byHash;
};

struct SymOutlineKernelsPass : symc::impl::SymOutlineKernelsBase<SymOutlineKernelsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    KernelTable kernelTable;
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
        kernelTable.addOrReuse(
            outline(parent, kernel, (parent.getSymName() + "_kernel" + Twine(index)).str(),
                    symbols),
            symbols);
      // What is left allocates buffers and calls the kernels, one block that
      // nothing gains from optimizing: LLVM's machine scheduler was
      // quadratic in it (ResNet-18 at batch 8, 230 calls passing strided
      // buffers on the stack: 15 s of a 16 s compile).
      OpBuilder b(parent);
      SmallVector<Attribute> passthrough;
      if (auto existing = parent->getAttrOfType<ArrayAttr>("passthrough"))
        passthrough.append(existing.begin(), existing.end());
      for (StringRef attribute : {"noinline", "optnone"})
        if (!llvm::is_contained(passthrough, b.getStringAttr(attribute)))
          passthrough.push_back(b.getStringAttr(attribute));
      parent->setAttr("passthrough", b.getArrayAttr(passthrough));
    }
  }
};

} // namespace
