//===- MergeKernelModules.cpp - symc-gpu-merge-kernel-modules -------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/IR/SymbolTable.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMGPUMERGEKERNELMODULES
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

struct SymGPUMergeKernelModulesPass
    : public symc::impl::SymGPUMergeKernelModulesBase<SymGPUMergeKernelModulesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto kernelModules = llvm::to_vector(module.getOps<gpu::GPUModuleOp>());
    if (kernelModules.size() < 2)
      return;
    gpu::GPUModuleOp target = kernelModules.front();
    SymbolTable targetSymbols(target);
    // Old kernel reference -> new one.
    DenseMap<Attribute, SymbolRefAttr> moved;
    for (gpu::GPUModuleOp source : ArrayRef(kernelModules).drop_front()) {
      for (Operation &op : llvm::make_early_inc_range(source.getBody()->getOperations())) {
        auto symbol = dyn_cast<SymbolOpInterface>(&op);
        if (!symbol)
          continue;
        StringAttr oldName = symbol.getNameAttr();
        auto oldRef = SymbolRefAttr::get(source.getNameAttr(),
                                         {FlatSymbolRefAttr::get(oldName)});
        op.remove();
        // Kernels are all called main_kernel; the module names are unique.
        if (op.hasAttr(gpu::GPUDialect::getKernelFuncAttrName()))
          symbol.setName(source.getNameAttr());
        StringAttr newName = targetSymbols.insert(&op);
        moved[oldRef] =
            SymbolRefAttr::get(target.getNameAttr(), {FlatSymbolRefAttr::get(newName)});
      }
      source.erase();
    }
    module.walk([&](gpu::LaunchFuncOp launch) {
      if (auto it = moved.find(launch.getKernel()); it != moved.end())
        launch.setKernelAttr(it->second);
    });
  }
};

} // namespace
