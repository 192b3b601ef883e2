//===- UploadConstants.cpp - symc-gpu-upload-constants --------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/Dialect/LLVMIR/FunctionCallUtils.h"
#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/Interfaces/DataLayoutInterfaces.h"

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMGPUUPLOADCONSTANTS
#include "symc/Dialect/TransformsPasses.h.inc"
} // namespace symc

namespace {

/// The runtime's `void *symcGpuConstant(const void *host, int64_t bytes)`
/// (Runtime/CudaRuntime.h).
constexpr StringLiteral kUploadFunction = "symcGpuConstant";

struct SymGPUUploadConstantsPass
    : public symc::impl::SymGPUUploadConstantsBase<SymGPUUploadConstantsPass> {
  void runOnOperation() override {
    ModuleOp module = getOperation();
    SymbolTable symbols(module);
    DataLayout layout(module);
    SmallVector<LLVM::AddressOfOp> uses;
    for (auto func : module.getOps<LLVM::LLVMFuncOp>())
      func.walk([&](LLVM::AddressOfOp addressOf) {
        auto global = symbols.lookup<LLVM::GlobalOp>(addressOf.getGlobalName());
        if (global && global.getConstant() && global.getValueOrNull())
          uses.push_back(addressOf);
      });
    if (uses.empty())
      return;

    OpBuilder b(module.getContext());
    auto ptrType = LLVM::LLVMPointerType::get(module.getContext());
    auto i64 = b.getI64Type();
    FailureOr<LLVM::LLVMFuncOp> upload = LLVM::lookupOrCreateFn(
        b, module, kUploadFunction, {ptrType, i64}, ptrType);
    if (failed(upload))
      return signalPassFailure();
    for (LLVM::AddressOfOp addressOf : uses) {
      auto global = symbols.lookup<LLVM::GlobalOp>(addressOf.getGlobalName());
      b.setInsertionPointAfter(addressOf);
      Location loc = addressOf.getLoc();
      Value bytes = LLVM::ConstantOp::create(
          b, loc, i64, layout.getTypeSize(global.getGlobalType()).getFixedValue());
      auto call = LLVM::CallOp::create(b, loc, *upload,
                                       ValueRange{addressOf.getResult(), bytes});
      addressOf.getResult().replaceAllUsesExcept(call.getResult(), call);
    }
  }
};

} // namespace
