//===- ProfileKernels.cpp - symc-profile-kernels --------------------------===//
//
// Runs late in the CPU pipeline, when each function body is a sequence of
// kernels: loop nests, calls and copies, with allocations between them.
// Each kernel gets an id whose entry in `symc.profile_kernels` reads
// "<node name>\t<kind>", the node being the first name in the kernel's
// location (the MXNet node it was lowered from).
//
//===----------------------------------------------------------------------===//

#include "symc/Transforms/Passes.h"

#include "NodeNames.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/MemRef/IR/MemRef.h"
#include "mlir/IR/Builders.h"
#include "mlir/IR/BuiltinOps.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMPROFILEKERNELS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

using symc::nodeNameOf;

constexpr llvm::StringLiteral kEnter = "symc_profile_enter";
constexpr llvm::StringLiteral kExit = "symc_profile_exit";

/// What a top-level op is, as a kernel; "" for ops that are not kernels
/// (allocations, constants, casts, the terminator).
std::string kernelKind(Operation &op) {
  if (op.getNumRegions() > 0)
    return op.getName().getStringRef().str(); // a loop nest
  if (auto call = dyn_cast<func::CallOp>(op)) {
    StringRef callee = call.getCallee();
    if (callee == kEnter || callee == kExit)
      return "";
    return ("call " + callee).str();
  }
  if (isa<memref::CopyOp>(op))
    return "copy";
  return "";
}

void declareRuntime(ModuleOp module) {
  OpBuilder b = OpBuilder::atBlockBegin(module.getBody());
  for (StringRef name : {kEnter, kExit}) {
    if (module.lookupSymbol(name))
      continue;
    auto fn = func::FuncOp::create(b, module.getLoc(), name,
                                   b.getFunctionType({b.getI64Type()}, {}));
    fn.setPrivate();
  }
}

struct SymProfileKernelsPass
    : public symc::impl::SymProfileKernelsBase<SymProfileKernelsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    declareRuntime(module);
    SmallVector<Attribute> kernels;
    Builder attrs(module.getContext());
    module.walk([&](func::FuncOp func) {
      if (func.isExternal())
        return;
      for (Block &block : func.getBody()) {
        SmallVector<Operation *> ops;
        for (Operation &op : block.without_terminator())
          ops.push_back(&op);
        for (Operation *op : ops) {
          std::string kind = kernelKind(*op);
          if (kind.empty())
            continue;
          std::string node = nodeNameOf(op->getLoc());
          kernels.push_back(attrs.getStringAttr(
              (node.empty() ? func.getSymName().str() : node) + "\t" + kind));
          OpBuilder b(op);
          Value id = arith::ConstantIntOp::create(b, op->getLoc(),
                                                  kernels.size() - 1, 64);
          func::CallOp::create(b, op->getLoc(), kEnter, TypeRange{}, id);
          b.setInsertionPointAfter(op);
          func::CallOp::create(b, op->getLoc(), kExit, TypeRange{}, id);
        }
      }
    });
    module->setAttr("symc.profile_kernels", attrs.getArrayAttr(kernels));
  }
};

} // namespace
