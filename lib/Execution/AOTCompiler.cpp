//===- AOTCompiler.cpp - models as object files and shared libraries ------===//

#include "symc/Execution/AOTCompiler.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <mutex>
#include <set>

using namespace mlir;

namespace symc {
namespace {

llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

StringRef argName(func::FuncOp func, unsigned i) {
  if (auto name = func.getArgAttrOfType<StringAttr>(i, sym::kArgNameAttr))
    return name.getValue();
  return "";
}

bool isLabel(BlockArgument arg) {
  return !arg.use_empty() && llvm::all_of(arg.getUses(), [](OpOperand &use) {
    return isa<sym::SoftmaxOutputOp, sym::LinearRegressionOutputOp,
               sym::MAERegressionOutputOp, sym::LogisticRegressionOutputOp>(
               use.getOwner()) &&
           use.getOperandNumber() == 1;
  });
}

/// A host TargetMachine for `target`, PIC (objects may go into a .so).
llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const TargetOptions &target) {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
  });
  llvm::Triple triple(llvm::sys::getProcessTriple());
  std::string error;
  const llvm::Target *t = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!t)
    return makeError("no LLVM target for " + triple.str() + ": " + error);
  std::string cpu = target.cpu.empty() ? llvm::sys::getHostCPUName().str()
                                       : target.cpu;
  std::string features;
  if (target.cpu.empty()) {
    llvm::SubtargetFeatures hostFeatures;
    for (const auto &[feature, enabled] : llvm::sys::getHostCPUFeatures())
      hostFeatures.AddFeature(feature, enabled);
    features = hostFeatures.getString();
  }
  llvm::TargetOptions options;
  std::unique_ptr<llvm::TargetMachine> machine(t->createTargetMachine(
      triple, cpu, features, options, llvm::Reloc::PIC_, std::nullopt,
      llvm::CodeGenOptLevel::Aggressive));
  if (!machine)
    return makeError("cannot create a target machine for CPU '" + cpu + "'");
  return std::move(machine);
}

} // namespace

llvm::Error embedArguments(ModuleOp module,
                           const llvm::StringMap<NDArray> &values) {
  auto func = module.lookupSymbol<func::FuncOp>("main");
  if (!func)
    return makeError("the module has no @main");
  Block &body = func.getBody().front();
  OpBuilder b = OpBuilder::atBlockBegin(&body);
  llvm::BitVector erase(func.getNumArguments());
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
    BlockArgument arg = body.getArgument(i);
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    auto it = values.find(argName(func, i));
    bool label = isLabel(arg);
    if (it == values.end() && !label)
      continue;
    if (!type || !type.hasStaticShape())
      return makeError("'" + argName(func, i) + "' has no static type");
    DenseElementsAttr value;
    if (it != values.end()) {
      const NDArray &array = it->second;
      if (array.data.size() != size_t(type.getNumElements()) * array.dtype->bytes ||
          !type.getElementType().isIntOrFloat() ||
          type.getElementType().getIntOrFloatBitWidth() != array.dtype->bytes * 8)
        return makeError("'" + argName(func, i) + "' does not match its value");
      value = DenseElementsAttr::getFromRawBuffer(
          type, ArrayRef<char>(array.data.data(), array.data.size()));
    } else { // a training label: any value does
      value = DenseElementsAttr::get(type, b.getZeroAttr(type.getElementType()));
    }
    Value constant = arith::ConstantOp::create(b, arg.getLoc(), value);
    arg.replaceAllUsesWith(constant);
    erase.set(i);
  }
  if (failed(func.eraseArguments(erase)))
    return makeError("cannot remove the embedded arguments");
  return llvm::Error::success();
}

llvm::Expected<std::unique_ptr<llvm::Module>>
translateToLLVMIR(ModuleOp module, llvm::LLVMContext &context,
                  const TargetOptions &target) {
  DialectRegistry registry;
  registerAllToLLVMIRTranslations(registry);
  module.getContext()->appendDialectRegistry(registry);
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, context, "symc-model");
  if (!llvmModule)
    return makeError("translation to LLVM IR failed");
  auto machine = createTargetMachine(target);
  if (!machine)
    return machine.takeError();
  llvmModule->setTargetTriple((*machine)->getTargetTriple());
  llvmModule->setDataLayout((*machine)->createDataLayout());
  auto optimize = makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0,
                                            machine->get());
  if (llvm::Error err = optimize(llvmModule.get()))
    return std::move(err);
  return std::move(llvmModule);
}

llvm::Error writeObjectFile(llvm::Module &module, const TargetOptions &target,
                            StringRef path) {
  auto machine = createTargetMachine(target);
  if (!machine)
    return machine.takeError();
  std::error_code ec;
  llvm::raw_fd_ostream os(path, ec, llvm::sys::fs::OF_None);
  if (ec)
    return makeError("cannot write '" + path + "': " + ec.message());
  llvm::legacy::PassManager pm;
  if ((*machine)->addPassesToEmitFile(pm, os, nullptr,
                                      llvm::CodeGenFileType::ObjectFile))
    return makeError("the target cannot emit object files");
  pm.run(module);
  return llvm::Error::success();
}

//===----------------------------------------------------------------------===//
// The generated C sources
//===----------------------------------------------------------------------===//

namespace {

std::string shapeList(ArrayRef<int64_t> shape) {
  if (shape.empty())
    return "0";
  return llvm::join(llvm::map_range(shape, [](int64_t d) { return std::to_string(d); }),
                    ", ");
}

std::string dtypeEnum(const TensorSignature &t) {
  return "SYMC_" + llvm::StringRef(t.dtype->name).upper();
}

/// The tensors of one side (inputs or outputs) as C tables.
void writeTensorTables(llvm::raw_ostream &os, StringRef name, StringRef role,
                       ArrayRef<TensorSignature> tensors) {
  std::string upper = name.upper(), roleUpper = role.upper();
  os << "#define " << upper << "_NUM_" << roleUpper << "S " << tensors.size()
     << "\n";
  for (auto [i, t] : llvm::enumerate(tensors))
    os << "/* " << role << " " << i << ": \"" << t.name << "\", " << t.dtype->name
       << ", (" << shapeList(t.shape) << ") */\n";
  if (tensors.empty())
    return;
  os << "static const char *const " << name << "_" << role << "_names[] = {";
  for (auto [i, t] : llvm::enumerate(tensors))
    os << (i ? ", " : "") << "\"" << t.name << "\"";
  os << "};\nstatic const symc_dtype " << name << "_" << role << "_dtypes[] = {";
  for (auto [i, t] : llvm::enumerate(tensors))
    os << (i ? ", " : "") << dtypeEnum(t);
  os << "};\nstatic const int32_t " << name << "_" << role << "_ranks[] = {";
  for (auto [i, t] : llvm::enumerate(tensors))
    os << (i ? ", " : "") << t.shape.size();
  os << "};\n";
  for (auto [i, t] : llvm::enumerate(tensors))
    os << "static const int64_t " << name << "_" << role << "_shape_" << i
       << "[] = {" << shapeList(t.shape) << "};\n";
  os << "static const int64_t *const " << name << "_" << role << "_shapes[] = {";
  for (size_t i = 0; i < tensors.size(); ++i)
    os << (i ? ", " : "") << name << "_" << role << "_shape_" << i;
  os << "};\n";
}

} // namespace

std::string generateModelHeader(StringRef name, const ModelSignature &signature) {
  std::string text;
  llvm::raw_string_ostream os(text);
  std::string guard = "SYMC_MODEL_" + name.upper() + "_H";
  os << "/* " << name << ".h: generated by sym-compile. The C ABI is "
     << "described in symc_runtime.h. */\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include \"symc_runtime.h\"\n\n"
     << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";
  writeTensorTables(os, name, "input", signature.arguments);
  os << "\n";
  writeTensorTables(os, name, "output", signature.results);
  os << "\ntypedef struct " << name << "_model " << name << "_model;\n\n"
     << "symc_status " << name << "_create(" << name << "_model **model);\n"
     << "symc_status " << name << "_run(" << name << "_model *model,\n"
     << "    const symc_tensor *inputs, size_t num_inputs,\n"
     << "    const symc_tensor *outputs, size_t num_outputs);\n"
     << "const char *" << name << "_error_message(const " << name
     << "_model *model);\n"
     << "void " << name << "_destroy(" << name << "_model *model);\n\n"
     << "#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard << " */\n";
  return text;
}

std::string generateModelWrapper(StringRef name, const ModelSignature &signature) {
  std::string text;
  llvm::raw_string_ostream os(text);
  SmallVector<const TensorSignature *> tensors;
  for (const TensorSignature &t : signature.arguments)
    tensors.push_back(&t);
  for (const TensorSignature &t : signature.results)
    tensors.push_back(&t);
  std::set<size_t> ranks;
  for (const TensorSignature *t : tensors)
    ranks.insert(t->shape.size());

  os << "/* Generated by sym-compile: the C ABI of model " << name
     << " over its compiled entry. */\n"
     << "#include \"" << name << ".h\"\n\n"
     << "#include <stdio.h>\n#include <stdlib.h>\n\n"
     << "struct " << name << "_model {\n  char error[512];\n};\n\n"
     << "/* MLIR's memref descriptors, one type per rank. */\n";
  for (size_t rank : ranks) {
    os << "typedef struct {\n  void *allocated, *aligned;\n  int64_t offset;\n";
    if (rank)
      os << "  int64_t sizes[" << rank << "], strides[" << rank << "];\n";
    os << "} symc_memref_" << rank << ";\n";
  }
  os << "\nextern void _mlir_ciface_" << name << "_main(";
  for (auto [i, t] : llvm::enumerate(tensors))
    os << (i ? ", " : "") << "symc_memref_" << t->shape.size() << " *";
  if (tensors.empty())
    os << "void";
  os << ");\n\n";

  os << R"C(/* Checks that `t` is a dense tensor of the given dtype and shape. */
static symc_status check_tensor(struct NAME_model *m, const char *role,
                                size_t index, const char *name,
                                const symc_tensor *t, symc_dtype dtype,
                                int32_t rank, const int64_t *shape) {
  int32_t d;
  int64_t stride = 1;
  if (!t->data) {
    snprintf(m->error, sizeof m->error, "%s %zu ('%s'): data is NULL", role,
             index, name);
    return SYMC_ERROR_INVALID_ARGUMENT;
  }
  if (t->dtype != dtype) {
    snprintf(m->error, sizeof m->error,
             "%s %zu ('%s'): dtype %d, the model needs %d", role, index, name,
             (int)t->dtype, (int)dtype);
    return SYMC_ERROR_INVALID_ARGUMENT;
  }
  if (t->rank != rank) {
    snprintf(m->error, sizeof m->error,
             "%s %zu ('%s'): rank %d, the model needs %d", role, index, name,
             (int)t->rank, (int)rank);
    return SYMC_ERROR_INVALID_ARGUMENT;
  }
  for (d = 0; d < rank; ++d)
    if (!t->shape || t->shape[d] != shape[d]) {
      snprintf(m->error, sizeof m->error,
               "%s %zu ('%s'): extent %lld on axis %d, the model needs %lld",
               role, index, name, t->shape ? (long long)t->shape[d] : -1LL,
               (int)d, (long long)shape[d]);
      return SYMC_ERROR_INVALID_ARGUMENT;
    }
  for (d = rank - 1; t->strides && d >= 0; --d) {
    if (shape[d] != 1 && t->strides[d] != stride) {
      snprintf(m->error, sizeof m->error,
               "%s %zu ('%s'): only dense row-major strides are supported",
               role, index, name);
      return SYMC_ERROR_INVALID_ARGUMENT;
    }
    stride *= shape[d];
  }
  return SYMC_OK;
}

symc_status NAME_create(NAME_model **model) {
  if (!model)
    return SYMC_ERROR_INVALID_ARGUMENT;
  *model = (NAME_model *)calloc(1, sizeof(NAME_model));
  return *model ? SYMC_OK : SYMC_ERROR_OUT_OF_MEMORY;
}

void NAME_destroy(NAME_model *model) { free(model); }

const char *NAME_error_message(const NAME_model *model) {
  return model ? model->error : "no model (NULL handle)";
}

)C";
  os << "symc_status " << name << "_run(" << name << "_model *m,\n"
     << "    const symc_tensor *inputs, size_t num_inputs,\n"
     << "    const symc_tensor *outputs, size_t num_outputs) {\n"
     << "  size_t i;\n  symc_status status;\n"
     << "  if (!m)\n    return SYMC_ERROR_INVALID_ARGUMENT;\n"
     << "  m->error[0] = 0;\n";
  auto checkSide = [&](StringRef role, StringRef array, StringRef count,
                       size_t expected) {
    os << "  if (" << count << " != " << expected << " || (" << expected
       << " && !" << array << ")) {\n"
       << "    snprintf(m->error, sizeof m->error, \"the model takes " << expected
       << " " << role << "s, got %zu\", " << count << ");\n"
       << "    return SYMC_ERROR_INVALID_ARGUMENT;\n  }\n";
    if (expected)
      os << "  for (i = 0; i < " << expected << "; ++i)\n"
         << "    if ((status = check_tensor(m, \"" << role << "\", i, " << name
         << "_" << role << "_names[i], &" << array << "[i], " << name << "_"
         << role << "_dtypes[i], " << name << "_" << role << "_ranks[i], "
         << name << "_" << role << "_shapes[i])) != SYMC_OK)\n"
         << "      return status;\n";
  };
  checkSide("input", "inputs", "num_inputs", signature.arguments.size());
  checkSide("output", "outputs", "num_outputs", signature.results.size());
  auto writeDescriptor = [&](const TensorSignature &t, StringRef var,
                             StringRef source) {
    size_t rank = t.shape.size();
    os << "  symc_memref_" << rank << " " << var << " = {" << source
       << ".data, " << source << ".data, 0";
    if (rank) {
      SmallVector<int64_t> strides(rank, 1);
      for (int64_t d = (int64_t)rank - 2; d >= 0; --d)
        strides[d] = strides[d + 1] * t.shape[d + 1];
      os << ", {" << shapeList(t.shape) << "}, {" << shapeList(strides) << "}";
    }
    os << "};\n";
  };
  for (auto [i, t] : llvm::enumerate(signature.arguments))
    writeDescriptor(t, "in" + std::to_string(i), "inputs[" + std::to_string(i) + "]");
  for (auto [i, t] : llvm::enumerate(signature.results))
    writeDescriptor(t, "out" + std::to_string(i), "outputs[" + std::to_string(i) + "]");
  os << "  _mlir_ciface_" << name << "_main(";
  bool first = true;
  for (size_t i = 0; i < signature.arguments.size(); ++i, first = false)
    os << (first ? "" : ", ") << "&in" << i;
  for (size_t i = 0; i < signature.results.size(); ++i, first = false)
    os << (first ? "" : ", ") << "&out" << i;
  os << ");\n  return SYMC_OK;\n}\n";

  std::string result = text;
  // The fixed part names the model NAME.
  size_t pos = 0;
  while ((pos = result.find("NAME_", pos)) != std::string::npos) {
    result.replace(pos, 4, name.str());
    pos += name.size();
  }
  return result;
}

llvm::StringRef getRuntimeHeader() {
  static const char text[] =
#include "symc_runtime_header.inc"
      ;
  return text;
}

} // namespace symc
