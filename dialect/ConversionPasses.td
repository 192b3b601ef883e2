//===- ConversionPasses.td - lowerings out of sym ---------*- tablegen -*-===//

#ifndef SYM_CONVERSION_PASSES
#define SYM_CONVERSION_PASSES

include "mlir/Pass/PassBase.td"

def ConvertSymToLinalg : Pass<"convert-sym-to-linalg", "::mlir::ModuleOp"> {
  let summary = "lower sym ops to linalg, tensor, arith and math";
  let description = [{
    Needs static shapes and known dtypes (run sym-infer-shapes and
    sym-infer-types first). Every op that cannot be lowered is reported, all
    of them at once, each naming its node and op.
  }];
  let dependentDialects = [
    "::mlir::linalg::LinalgDialect", "::mlir::tensor::TensorDialect",
    "::mlir::arith::ArithDialect", "::mlir::math::MathDialect",
    "::mlir::scf::SCFDialect", "::mlir::memref::MemRefDialect",
    "::mlir::bufferization::BufferizationDialect", "::mlir::func::FuncDialect",
    "::mlir::LLVM::LLVMDialect",
  ];
}

#endif // SYM_CONVERSION_PASSES
