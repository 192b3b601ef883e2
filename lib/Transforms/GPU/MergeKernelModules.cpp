//===- MergeKernelModules.cpp - symc-gpu-merge-kernel-modules -------------===//

#include "symc/Transforms/Passes.h"

#include "../NodeNames.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/IR/SymbolTable.h"
#include "llvm/ADT/StringExtras.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMGPUMERGEKERNELMODULES
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// A kernel's name: the MXNet node it computes (as a PTX identifier), so
/// that profilers and the PTX name the layers; else its module's name.
std::string kernelName(gpu::LaunchFuncOp launch, StringRef fallback) {
  std::string node = symc::nodeNameOf(launch.getLoc());
  if (node.empty())
    return fallback.str();
  std::string name;
  for (char c : node)
    name += llvm::isAlnum(c) ? c : '_';
  if (llvm::isDigit(name.front()))
    name = "k_" + name;
  return name;
}

struct SymGPUMergeKernelModulesPass
    : public symc::impl::SymGPUMergeKernelModulesBase<SymGPUMergeKernelModulesPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto kernelModules = llvm::to_vector(module.getOps<gpu::GPUModuleOp>());
    if (kernelModules.empty())
      return;
    // Outlining makes one module per launch.
    DenseMap<Attribute, gpu::LaunchFuncOp> launchOf;
    module.walk([&](gpu::LaunchFuncOp launch) {
      launchOf[launch.getKernelModuleName()] = launch;
    });
    gpu::GPUModuleOp target = kernelModules.front();
    SymbolTable targetSymbols(target);
    // Old kernel reference -> new one.
    DenseMap<Attribute, SymbolRefAttr> moved;
    for (gpu::GPUModuleOp source : kernelModules) {
      gpu::LaunchFuncOp launch = launchOf.lookup(source.getNameAttr());
      for (Operation &op : llvm::make_early_inc_range(source.getBody()->getOperations())) {
        auto symbol = dyn_cast<SymbolOpInterface>(&op);
        if (!symbol)
          continue;
        auto oldRef = SymbolRefAttr::get(source.getNameAttr(),
                                         {FlatSymbolRefAttr::get(symbol.getNameAttr())});
        bool kernel = op.hasAttr(gpu::GPUDialect::getKernelFuncAttrName());
        if (source == target && !kernel)
          continue;
        op.remove();
        // Kernels are all called main_kernel; the module names are unique.
        if (kernel)
          symbol.setName(StringAttr::get(
              &getContext(),
              launch ? kernelName(launch, source.getName()) : source.getName().str()));
        StringAttr newName = targetSymbols.insert(&op);
        moved[oldRef] =
            SymbolRefAttr::get(target.getNameAttr(), {FlatSymbolRefAttr::get(newName)});
      }
      if (source != target)
        source.erase();
    }
    module.walk([&](gpu::LaunchFuncOp launch) {
      if (auto it = moved.find(launch.getKernel()); it != moved.end())
        launch.setKernelAttr(it->second);
    });
  }
};

} // namespace
