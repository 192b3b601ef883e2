//===- CInterface.cpp - entries called from C ----------------------------===//

#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"

using namespace mlir;

void symc::setCInterfaceEntry(func::FuncOp func) {
  MLIRContext *ctx = func.getContext();
  // Loaded already inside passes (those that call this declare it).
  ctx->getOrLoadDialect<LLVM::LLVMDialect>();
  func->setAttr(LLVM::LLVMDialect::getEmitCWrapperAttrName(), UnitAttr::get(ctx));
  // func-to-llvm takes the linkage from this attribute; the wrapper it
  // generates stays external.
  func->setAttr("llvm.linkage", LLVM::LinkageAttr::get(ctx, LLVM::Linkage::Internal));
}
