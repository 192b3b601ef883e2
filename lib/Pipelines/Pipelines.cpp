//===- Pipelines.cpp - symc's named pass pipelines ------------------------===//
//
// The upstream part is kept as pipeline text: it is the sequence measured in
// docs/toolchain.md, and reads best as written there.
//
//===----------------------------------------------------------------------===//

#include "symc/Pipelines/Pipelines.h"

#include "symc/Conversion/Passes.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Pass/PassRegistry.h"
#include "mlir/Transforms/Passes.h"
#include "llvm/Support/ErrorHandling.h"

using namespace mlir;

namespace symc {

namespace {
/// Upstream passes from linalg on tensors to the LLVM dialect (CPU).
constexpr llvm::StringLiteral kLinalgToLLVM =
    "func.func(linalg-fuse-elementwise-ops),"
    "one-shot-bufferize{bufferize-function-boundaries "
    "function-boundary-type-conversion=identity-layout-map},"
    "buffer-results-to-out-params{hoist-static-allocs},"
    "buffer-deallocation-pipeline,convert-bufferization-to-memref,"
    "func.func(convert-linalg-to-loops),expand-strided-metadata,lower-affine,"
    "convert-scf-to-cf,convert-math-to-llvm,convert-math-to-libm,"
    "finalize-memref-to-llvm,convert-arith-to-llvm,convert-index-to-llvm,"
    "convert-ub-to-llvm,convert-cf-to-llvm,convert-func-to-llvm,"
    "reconcile-unrealized-casts";

void addTextualPipeline(OpPassManager &pm, StringRef text) {
  if (failed(parsePassPipeline(text, pm)))
    llvm::report_fatal_error("symc: invalid built-in pipeline text");
}
} // namespace

void buildSymToLinalgPipeline(OpPassManager &pm) {
  pm.addNestedPass<func::FuncOp>(createSymInferShapes());
  pm.addNestedPass<func::FuncOp>(createSymInferTypes());
  pm.addPass(createConvertSymToLinalg());
  pm.addPass(createCanonicalizerPass());
  pm.addPass(createCSEPass());
}

void buildLinalgToLLVMPipeline(OpPassManager &pm) {
  addTextualPipeline(pm, kLinalgToLLVM);
}

void buildSymToLLVMPipeline(OpPassManager &pm) {
  buildSymToLinalgPipeline(pm);
  buildLinalgToLLVMPipeline(pm);
}

void registerPipelines() {
  PassPipelineRegistration<>("sym-to-linalg",
                             "Infer shapes and dtypes, lower sym to linalg",
                             buildSymToLinalgPipeline);
  PassPipelineRegistration<>("linalg-to-llvm-cpu",
                             "Bufferize linalg on tensors and lower to LLVM",
                             buildLinalgToLLVMPipeline);
  PassPipelineRegistration<>("sym-to-llvm", "The whole CPU pipeline",
                             buildSymToLLVMPipeline);
}

} // namespace symc
