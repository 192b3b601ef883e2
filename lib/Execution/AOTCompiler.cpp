//===- AOTCompiler.cpp - models as object files and shared libraries ------===//

#include "symc/Execution/AOTCompiler.h"
#include "symc/Execution/ParallelCodegen.h"

#include "symc/Dialect/SymDialect.h"

#include "mlir/Dialect/Arith/IR/Arith.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Dialect/GPU/IR/GPUDialect.h"
#include "mlir/ExecutionEngine/OptUtils.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ADT/BitVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/TargetParser/Host.h"
#include "llvm/TargetParser/SubtargetFeature.h"

#include <set>

using namespace mlir;

namespace symc {
namespace {

llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

} // namespace

llvm::Expected<std::unique_ptr<llvm::TargetMachine>>
createTargetMachine(const TargetOptions &target) {
  initializeNativeTarget();
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

llvm::Error embedArguments(ModuleOp module,
                           const llvm::StringMap<HostArray> &values) {
  auto func = module.lookupSymbol<func::FuncOp>("main");
  if (!func)
    return makeError("the module has no @main");
  Block &body = func.getBody().front();
  OpBuilder b = OpBuilder::atBlockBegin(&body);
  llvm::BitVector erase(func.getNumArguments());
  for (unsigned i = 0, e = func.getNumArguments(); i < e; ++i) {
    BlockArgument arg = body.getArgument(i);
    auto type = dyn_cast<RankedTensorType>(arg.getType());
    auto it = values.find(getArgumentName(func, i));
    bool label = isOnlyUsedAsLabel(arg);
    if (it == values.end() && !label)
      continue;
    if (!type || !type.hasStaticShape())
      return makeError("'" + getArgumentName(func, i) + "' has no static type");
    DenseElementsAttr value;
    if (it != values.end()) {
      const HostArray &array = it->second;
      if (array.data.size() != size_t(type.getNumElements()) * array.dtype->bytes ||
          !type.getElementType().isIntOrFloat() ||
          type.getElementType().getIntOrFloatBitWidth() != array.dtype->bytes * 8)
        return makeError("'" + getArgumentName(func, i) + "' does not match its value");
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
  if (llvm::Error err = optimizeForAOT(*llvmModule, **machine))
    return std::move(err);
  return std::move(llvmModule);
}

llvm::Error optimizeForAOT(llvm::Module &module, llvm::TargetMachine &machine) {
  return makeOptimizingTransformer(/*optLevel=*/3, /*sizeLevel=*/0, &machine)(&module);
}

llvm::Expected<std::vector<std::unique_ptr<llvm::MemoryBuffer>>>
compileObjectFiles(ModuleOp module, const TargetOptions &target) {
  unsigned threads = resolveCompileThreads(0);
  auto parts = splitForParallelCodegen(module, threads * kPartsPerCompileThread);
  return compileParts(parts, target, threads, optimizeForAOT);
}

//===----------------------------------------------------------------------===//
// The generated C sources
//===----------------------------------------------------------------------===//

namespace {

/// `text` as the body of a C string literal: printable ASCII other than
/// quote, backslash, '?' (trigraphs) and '@' (the generator's placeholder
/// mark) verbatim, everything else as octal escapes.
std::string cString(StringRef text) {
  std::string out;
  for (unsigned char c : text) {
    if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '?' && c != '@') {
      out += char(c);
    } else {
      char escape[5];
      snprintf(escape, sizeof escape, "\\%03o", c);
      out += escape;
    }
  }
  return out;
}

/// `text` safe inside a C comment.
std::string cComment(StringRef text) {
  std::string out;
  for (char c : text)
    out += (c == '*' || c == '@' || c == '\\' || c < 0x20) ? '_' : c;
  return out;
}

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
    os << "/* " << role << " " << i << ": \"" << cComment(t.name) << "\", " << t.dtype->name
       << ", (" << shapeList(t.shape) << ") */\n";
  if (tensors.empty())
    return;
  os << "static const char *const " << name << "_" << role << "_names[] = {";
  for (auto [i, t] : llvm::enumerate(tensors))
    os << (i ? ", " : "") << "\"" << cString(t.name) << "\"";
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

namespace {
/// The tensors the caller passes (every argument but the external weights).
SmallVector<TensorSignature> callerInputs(const ModelSignature &signature,
                                          const WrapperOptions &options) {
  SmallVector<TensorSignature> inputs;
  for (const TensorSignature &t : signature.arguments)
    if (!(options.externalWeights && t.isWeight))
      inputs.push_back(t);
  return inputs;
}
} // namespace

std::string generateModelHeader(StringRef name, const ModelSignature &signature,
                                const WrapperOptions &options) {
  std::string text;
  llvm::raw_string_ostream os(text);
  std::string guard = "SYMC_MODEL_" + name.upper() + "_H";
  os << "/* " << name << ".h: generated by sym-compile. The C ABI is "
     << "described in symc_runtime.h. */\n"
     << "#ifndef " << guard << "\n#define " << guard << "\n\n"
     << "#include \"symc_runtime.h\"\n\n"
     << "#ifdef __cplusplus\nextern \"C\" {\n#endif\n\n";
  writeTensorTables(os, name, "input", callerInputs(signature, options));
  os << "\n";
  writeTensorTables(os, name, "output", signature.results);
  os << "\ntypedef struct " << name << "_model " << name << "_model;\n\n";
  if (options.externalWeights)
    os << "/* Reads the weights from `params_path` (an MXNet .params file). On\n"
       << " * failure *model is still a handle for " << name
       << "_error_message (unless\n * out of memory): destroy it. */\n"
       << "symc_status " << name << "_create(" << name
       << "_model **model, const char *params_path);\n";
  else
    os << "symc_status " << name << "_create(" << name << "_model **model);\n";
  os << "symc_status " << name << "_run(" << name << "_model *model,\n"
     << "    const symc_tensor *inputs, size_t num_inputs,\n"
     << "    const symc_tensor *outputs, size_t num_outputs);\n"
     << "const char *" << name << "_error_message(const " << name
     << "_model *model);\n"
     << "void " << name << "_destroy(" << name << "_model *model);\n\n"
     << "#ifdef __cplusplus\n}\n#endif\n\n#endif /* " << guard << " */\n";
  return text;
}

namespace {

/// A memref descriptor initializer for a dense tensor at `data`.
std::string descriptorInit(const TensorSignature &t, StringRef data) {
  std::string text;
  llvm::raw_string_ostream os(text);
  size_t rank = t.shape.size();
  os << "{(void *)" << data << ", (void *)" << data << ", 0";
  if (rank) {
    SmallVector<int64_t> strides(rank, 1);
    for (int64_t d = (int64_t)rank - 2; d >= 0; --d)
      strides[d] = strides[d + 1] * t.shape[d + 1];
    os << ", {" << shapeList(t.shape) << "}, {" << shapeList(strides) << "}";
  }
  os << "}";
  return text;
}

/// MXNet's c_predict_api over the model: one predictor holds float32 input
/// and output buffers and runs the model on them.
void writePredictAPI(llvm::raw_ostream &os, StringRef name,
                     const SmallVector<TensorSignature> &inputs,
                     const ModelSignature &signature) {
  os << R"C(
/*===--- MXNet's c_predict_api (the subset programs use) ---===*/
#include "c_predict_api.h"
#include <string.h>

static __thread char symc_last_error[1024];

static int symc_predict_fail(const char *message) {
  snprintf(symc_last_error, sizeof symc_last_error, "%s", message);
  return -1;
}

const char *MXGetLastError(void) { return symc_last_error; }

typedef struct {
  @NAME@_model *model;
  int *shared_count; /* reshaped predictors share the model */
  float *inputs[@NIN@];
  float *outputs[@NOUT@];
  mx_uint output_shapes[@NOUT@][8];
} symc_predictor;

static size_t symc_count(int32_t rank, const int64_t *shape) {
  size_t n = 1;
  int32_t d;
  for (d = 0; d < rank; ++d)
    n *= (size_t)shape[d];
  return n;
}

/* The predictor's buffers, for a model already created. */
static int symc_predictor_init(symc_predictor *p, mx_uint num_input_nodes,
                               const char **input_keys,
                               const mx_uint *input_shape_indptr,
                               const mx_uint *input_shape_data) {
  size_t i, k;
  int32_t d;
  char message[512];
  if (num_input_nodes != @UPPER@_NUM_INPUTS) {
    snprintf(message, sizeof message,
             "this library was compiled for %d input(s), got %u; recompile "
             "the model with sym-compile for these inputs",
             (int)@UPPER@_NUM_INPUTS, num_input_nodes);
    return symc_predict_fail(message);
  }
  for (i = 0; i < @UPPER@_NUM_INPUTS; ++i) {
    for (k = 0; k < num_input_nodes; ++k)
      if (strcmp(input_keys[k], @NAME@_input_names[i]) == 0)
        break;
    if (k == num_input_nodes) {
      snprintf(message, sizeof message, "input '%s' is not given",
               @NAME@_input_names[i]);
      return symc_predict_fail(message);
    }
    if (input_shape_indptr[k + 1] - input_shape_indptr[k] !=
        (mx_uint)@NAME@_input_ranks[i])
      return symc_predict_fail("an input's rank differs from the compiled model's");
    for (d = 0; d < @NAME@_input_ranks[i]; ++d)
      if (input_shape_data[input_shape_indptr[k] + d] !=
          (mx_uint)@NAME@_input_shapes[i][d]) {
        snprintf(message, sizeof message,
                 "input '%s': extent %u on axis %d, the library was compiled "
                 "for %lld; recompile with sym-compile",
                 @NAME@_input_names[i], input_shape_data[input_shape_indptr[k] + d],
                 (int)d, (long long)@NAME@_input_shapes[i][d]);
        return symc_predict_fail(message);
      }
    if (@NAME@_input_dtypes[i] != SYMC_FLOAT32)
      return symc_predict_fail("c_predict_api inputs must be float32");
    p->inputs[i] = (float *)calloc(
        symc_count(@NAME@_input_ranks[i], @NAME@_input_shapes[i]) + 1, sizeof(float));
    if (!p->inputs[i])
      return symc_predict_fail("out of memory");
  }
  for (i = 0; i < @UPPER@_NUM_OUTPUTS; ++i) {
    if (@NAME@_output_dtypes[i] != SYMC_FLOAT32 || @NAME@_output_ranks[i] > 8)
      return symc_predict_fail("c_predict_api outputs must be float32, of rank <= 8");
    p->outputs[i] = (float *)calloc(
        symc_count(@NAME@_output_ranks[i], @NAME@_output_shapes[i]) + 1, sizeof(float));
    if (!p->outputs[i])
      return symc_predict_fail("out of memory");
    for (d = 0; d < @NAME@_output_ranks[i]; ++d)
      p->output_shapes[i][d] = (mx_uint)@NAME@_output_shapes[i][d];
  }
  return 0;
}

static void symc_predictor_free(symc_predictor *p) {
  size_t i;
  if (!p)
    return;
  for (i = 0; i < @UPPER@_NUM_INPUTS; ++i)
    free(p->inputs[i]);
  for (i = 0; i < @UPPER@_NUM_OUTPUTS; ++i)
    free(p->outputs[i]);
  if (p->shared_count &&
      __atomic_sub_fetch(p->shared_count, 1, __ATOMIC_ACQ_REL) == 0) {
    @NAME@_destroy(p->model);
    free(p->shared_count);
  }
  free(p);
}

int MXPredCreate(const char *symbol_json_str, const void *param_bytes,
                 int param_size, int dev_type, int dev_id,
                 mx_uint num_input_nodes, const char **input_keys,
                 const mx_uint *input_shape_indptr,
                 const mx_uint *input_shape_data, PredictorHandle *out) {
  symc_predictor *p;
  symc_status status;
  (void)symbol_json_str; /* the graph is compiled into this library */
  (void)dev_id;
  if (!out)
    return symc_predict_fail("out is NULL");
  *out = NULL;
  if (dev_type != @DEVTYPE@)
    return symc_predict_fail("this library runs on @DEVICE@ (dev_type @DEVTYPE@)");
  if (!param_bytes || param_size < 0 || (num_input_nodes &&
      (!input_keys || !input_shape_indptr || !input_shape_data)))
    return symc_predict_fail("MXPredCreate: NULL or negative arguments");
  p = (symc_predictor *)calloc(1, sizeof *p);
  if (!p || !(p->shared_count = (int *)malloc(sizeof(int)))) {
    free(p);
    return symc_predict_fail("out of memory");
  }
  *p->shared_count = 1;
  status = @NAME@_create_from_bytes(&p->model, param_bytes, (size_t)param_size);
  if (status != SYMC_OK) {
    symc_predict_fail(@NAME@_error_message(p->model));
    symc_predictor_free(p);
    return -1;
  }
  if (symc_predictor_init(p, num_input_nodes, input_keys, input_shape_indptr,
                          input_shape_data) != 0) {
    symc_predictor_free(p);
    return -1;
  }
  *out = p;
  return 0;
}

int MXPredReshape(mx_uint num_input_nodes, const char **input_keys,
                  const mx_uint *input_shape_indptr,
                  const mx_uint *input_shape_data, PredictorHandle handle,
                  PredictorHandle *out) {
  symc_predictor *old = (symc_predictor *)handle, *p;
  if (!old || !out)
    return symc_predict_fail("handle or out is NULL");
  p = (symc_predictor *)calloc(1, sizeof *p);
  if (!p)
    return symc_predict_fail("out of memory");
  p->model = old->model;
  p->shared_count = old->shared_count;
  __atomic_add_fetch(p->shared_count, 1, __ATOMIC_ACQ_REL);
  if (symc_predictor_init(p, num_input_nodes, input_keys, input_shape_indptr,
                          input_shape_data) != 0) {
    symc_predictor_free(p);
    return -1;
  }
  *out = p;
  return 0;
}

int MXPredSetInput(PredictorHandle handle, const char *key, const float *data,
                   mx_uint size) {
  symc_predictor *p = (symc_predictor *)handle;
  size_t i;
  if (!p || !key || !data)
    return symc_predict_fail("handle, key or data is NULL");
  for (i = 0; i < @UPPER@_NUM_INPUTS; ++i)
    if (strcmp(key, @NAME@_input_names[i]) == 0) {
      if (size != symc_count(@NAME@_input_ranks[i], @NAME@_input_shapes[i]))
        return symc_predict_fail("MXPredSetInput: the size differs from the input's");
      memcpy(p->inputs[i], data, size * sizeof(float));
      return 0;
    }
  return symc_predict_fail("MXPredSetInput: unknown input key");
}

int MXPredForward(PredictorHandle handle) {
  symc_predictor *p = (symc_predictor *)handle;
  symc_tensor inputs[@NIN@], outputs[@NOUT@];
  size_t i;
  if (!p)
    return symc_predict_fail("handle is NULL");
  for (i = 0; i < @UPPER@_NUM_INPUTS; ++i) {
    inputs[i].data = p->inputs[i];
    inputs[i].dtype = SYMC_FLOAT32;
    inputs[i].rank = @NAME@_input_ranks[i];
    inputs[i].shape = @NAME@_input_shapes[i];
    inputs[i].strides = NULL;
  }
  for (i = 0; i < @UPPER@_NUM_OUTPUTS; ++i) {
    outputs[i].data = p->outputs[i];
    outputs[i].dtype = SYMC_FLOAT32;
    outputs[i].rank = @NAME@_output_ranks[i];
    outputs[i].shape = @NAME@_output_shapes[i];
    outputs[i].strides = NULL;
  }
  if (@NAME@_run(p->model, inputs, @UPPER@_NUM_INPUTS, outputs, @UPPER@_NUM_OUTPUTS) !=
      SYMC_OK)
    return symc_predict_fail(@NAME@_error_message(p->model));
  return 0;
}

int MXPredPartialForward(PredictorHandle handle, int step, int *step_left) {
  if (step_left)
    *step_left = 0;
  return step == 0 ? MXPredForward(handle) : 0;
}

int MXPredGetOutputShape(PredictorHandle handle, mx_uint index,
                         mx_uint **shape_data, mx_uint *shape_ndim) {
  symc_predictor *p = (symc_predictor *)handle;
  if (!p || index >= @UPPER@_NUM_OUTPUTS || !shape_data || !shape_ndim)
    return symc_predict_fail("MXPredGetOutputShape: invalid handle or index");
  *shape_data = p->output_shapes[index];
  *shape_ndim = (mx_uint)@NAME@_output_ranks[index];
  return 0;
}

int MXPredGetOutput(PredictorHandle handle, mx_uint index, float *data,
                    mx_uint size) {
  symc_predictor *p = (symc_predictor *)handle;
  if (!p || index >= @UPPER@_NUM_OUTPUTS || !data)
    return symc_predict_fail("MXPredGetOutput: invalid handle, index or data");
  if (size != symc_count(@NAME@_output_ranks[index], @NAME@_output_shapes[index]))
    return symc_predict_fail("MXPredGetOutput: the size differs from the output's");
  memcpy(data, p->outputs[index], size * sizeof(float));
  return 0;
}

int MXPredFree(PredictorHandle handle) {
  symc_predictor_free((symc_predictor *)handle);
  return 0;
}
)C";
}

} // namespace

std::string generateModelWrapper(StringRef name, const ModelSignature &signature,
                                 const WrapperOptions &options) {
  std::string text;
  llvm::raw_string_ostream os(text);
  SmallVector<TensorSignature> inputs = callerInputs(signature, options);
  SmallVector<const TensorSignature *> weights;
  if (options.externalWeights)
    for (const TensorSignature &t : signature.arguments)
      if (t.isWeight)
        weights.push_back(&t);
  std::set<size_t> ranks;
  for (const TensorSignature &t : signature.arguments)
    ranks.insert(t.shape.size());
  for (const TensorSignature &t : signature.results)
    ranks.insert(t.shape.size());

  os << "/* Generated by sym-compile: the C ABI of model " << name
     << " over its compiled entry. */\n"
     << "#include \"" << name << ".h\"\n";
  if (options.externalWeights)
    os << "#include \"symc_params.h\"\n";
  os << "\n#include <stdio.h>\n#include <stdlib.h>\n\n"
     << "struct " << name << "_model {\n  char error[512];\n";
  if (options.externalWeights)
    os << "  symc_params *params;\n  const void *weights[" << std::max<size_t>(weights.size(), 1)
       << "];\n";
  if (options.externalWeights && options.cuda)
    os << "  /* The weights' GPU copies, uploaded at create. */\n"
       << "  void *device_weights[" << std::max<size_t>(weights.size(), 1) << "];\n";
  os << "};\n\n/* MLIR's memref descriptors, one type per rank. */\n";
  for (size_t rank : ranks) {
    os << "typedef struct {\n  void *allocated, *aligned;\n  int64_t offset;\n";
    if (rank)
      os << "  int64_t sizes[" << rank << "], strides[" << rank << "];\n";
    os << "} symc_memref_" << rank << ";\n";
  }
  if (options.cuda)
    os << "\n/* The GPU runtime (symc/Runtime/CudaRuntime.h). */\n"
       << "extern const char *symcGpuBeginRun(void);\n"
       << "extern const char *symcGpuEndRun(void);\n"
       << "extern void *symcGpuConstant(const void *host, int64_t bytes);\n"
       << "extern void symcGpuReleaseConstant(const void *host);\n";
  os << "\nextern void _mlir_ciface_" << name << "_main(";
  size_t numParams = signature.arguments.size() + signature.results.size();
  size_t k = 0;
  for (const TensorSignature &t : signature.arguments)
    os << (k++ ? ", " : "") << "symc_memref_" << t.shape.size() << " *";
  for (const TensorSignature &t : signature.results)
    os << (k++ ? ", " : "") << "symc_memref_" << t.shape.size() << " *";
  if (!numParams)
    os << "void";
  os << ");\n\n";

  os << R"C(/* The message of this thread's last failed run, and its handle: runs
 * may share a handle across threads, so their messages are per thread
 * (a handle's own buffer holds create's message). */
static __thread char symc_run_error[512];
static __thread const struct @NAME@_model *symc_run_error_model;

/* The buffer for a failure of a run on `m` in this thread. */
static char *run_error(const struct @NAME@_model *m) {
  symc_run_error_model = m;
  return symc_run_error;
}

/* Checks that `t` is a dense tensor of the given dtype and shape. */
static symc_status check_tensor(struct @NAME@_model *m, const char *role,
                                size_t index, const char *name,
                                const symc_tensor *t, symc_dtype dtype,
                                int32_t rank, const int64_t *shape) {
  int32_t d;
  int64_t stride = 1;
  if (!t->data) {
    snprintf(run_error(m), sizeof symc_run_error, "%s %zu ('%s'): data is NULL", role,
             index, name);
    return SYMC_ERROR_INVALID_ARGUMENT;
  }
  if (t->dtype != dtype) {
    snprintf(run_error(m), sizeof symc_run_error,
             "%s %zu ('%s'): dtype %d, the model needs %d", role, index, name,
             (int)t->dtype, (int)dtype);
    return SYMC_ERROR_INVALID_ARGUMENT;
  }
  if (t->rank != rank) {
    snprintf(run_error(m), sizeof symc_run_error,
             "%s %zu ('%s'): rank %d, the model needs %d", role, index, name,
             (int)t->rank, (int)rank);
    return SYMC_ERROR_INVALID_ARGUMENT;
  }
  for (d = 0; d < rank; ++d)
    if (!t->shape || t->shape[d] != shape[d]) {
      snprintf(run_error(m), sizeof symc_run_error,
               "%s %zu ('%s'): extent %lld on axis %d, the model needs %lld",
               role, index, name, t->shape ? (long long)t->shape[d] : -1LL,
               (int)d, (long long)shape[d]);
      return SYMC_ERROR_INVALID_ARGUMENT;
    }
  for (d = rank - 1; t->strides && d >= 0; --d) {
    if (shape[d] != 1 && t->strides[d] != stride) {
      snprintf(run_error(m), sizeof symc_run_error,
               "%s %zu ('%s'): only dense row-major strides are supported",
               role, index, name);
      return SYMC_ERROR_INVALID_ARGUMENT;
    }
    stride *= shape[d];
  }
  return SYMC_OK;
}

void @NAME@_destroy(@NAME@_model *model) {
  if (!model)
    return;
)C";
  if (options.externalWeights)
  {
    if (options.cuda)
      os << "  {\n    size_t i;\n"
         << "    for (i = 0; i < " << weights.size() << "; ++i)\n"
         << "      if (model->device_weights[i])\n"
         << "        symcGpuReleaseConstant(model->weights[i]);\n  }\n";
    os << "  symc_params_free(model->params);\n";
  }
  os << R"C(  free(model);
}

const char *@NAME@_error_message(const @NAME@_model *model) {
  if (!model)
    return "no model (NULL handle)";
  return symc_run_error_model == model ? symc_run_error : model->error;
}

)C";
  if (options.externalWeights) {
    os << "/* The weights from the bytes of a .params file. */\n"
       << "static symc_status @NAME@_create_from_bytes(@NAME@_model **model,\n"
       << "    const void *bytes, size_t size) {\n"
       << "  symc_status status;\n"
       << "  if (!model)\n    return SYMC_ERROR_INVALID_ARGUMENT;\n"
       << "  *model = (@NAME@_model *)calloc(1, sizeof(@NAME@_model));\n"
       << "  if (!*model)\n    return SYMC_ERROR_OUT_OF_MEMORY;\n"
       << "  status = symc_params_parse(bytes, size, &(*model)->params, "
          "(*model)->error, sizeof (*model)->error);\n"
       << "  if (status != SYMC_OK)\n    return status;\n";
    for (auto [i, t] : llvm::enumerate(weights)) {
      os << "  {\n    static const int64_t shape[] = {" << shapeList(t->shape) << "};\n"
         << "    (*model)->weights[" << i << "] = symc_params_find((*model)->params, \""
         << cString(t->name) << "\", " << t->dtype->flag << ", " << t->shape.size()
         << ", shape, (*model)->error, sizeof (*model)->error);\n"
         << "    if (!(*model)->weights[" << i
         << "])\n      return SYMC_ERROR_INVALID_ARGUMENT;\n  }\n";
    }
    if (options.cuda && !weights.empty()) {
      // Uploaded once here; runs pass the GPU copies (device-resident
      // arguments of the entry).
      os << "  {\n    const char *gpu_error = symcGpuBeginRun();\n"
         << "    if (!gpu_error) {\n";
      for (auto [i, t] : llvm::enumerate(weights))
        os << "      (*model)->device_weights[" << i << "] = symcGpuConstant((*model)->weights["
           << i << "], " << t->byteSize() << ");\n";
      os << "      gpu_error = symcGpuEndRun();\n    }\n"
         << "    if (gpu_error) {\n"
         << "      snprintf((*model)->error, sizeof (*model)->error, "
            "\"uploading the weights: %s\", gpu_error);\n"
         << "      return SYMC_ERROR_DEVICE;\n    }\n  }\n";
    }
    os << "  return SYMC_OK;\n}\n\n"
       << "symc_status @NAME@_create(@NAME@_model **model, const char *params_path) {\n"
       << "  void *bytes;\n  size_t size;\n  char error[512];\n  symc_status status;\n"
       << "  if (!model)\n    return SYMC_ERROR_INVALID_ARGUMENT;\n"
       << "  status = symc_read_file(params_path, &bytes, &size, error, sizeof error);\n"
       << "  if (status != SYMC_OK) {\n"
       << "    *model = (@NAME@_model *)calloc(1, sizeof(@NAME@_model));\n"
       << "    if (*model)\n      snprintf((*model)->error, sizeof (*model)->error, "
          "\"%s\", error);\n"
       << "    return status;\n  }\n"
       << "  status = @NAME@_create_from_bytes(model, bytes, size);\n"
       << "  free(bytes);\n  return status;\n}\n\n";
  } else {
    os << "symc_status @NAME@_create(@NAME@_model **model) {\n"
       << "  if (!model)\n    return SYMC_ERROR_INVALID_ARGUMENT;\n"
       << "  *model = (@NAME@_model *)calloc(1, sizeof(@NAME@_model));\n"
       << "  return *model ? SYMC_OK : SYMC_ERROR_OUT_OF_MEMORY;\n}\n\n";
  }

  os << "symc_status @NAME@_run(@NAME@_model *m,\n"
     << "    const symc_tensor *inputs, size_t num_inputs,\n"
     << "    const symc_tensor *outputs, size_t num_outputs) {\n"
     << "  size_t i;\n  symc_status status;\n"
     << (options.cuda ? "  const char *gpu_error;\n" : "")
     << "  if (!m)\n    return SYMC_ERROR_INVALID_ARGUMENT;\n";
  auto checkSide = [&](StringRef role, StringRef array, StringRef count,
                       size_t expected) {
    os << "  if (" << count << " != " << expected << " || (" << expected
       << " && !" << array << ")) {\n"
       << "    snprintf(run_error(m), sizeof symc_run_error, \"the model takes " << expected
       << " " << role << "s, got %zu\", " << count << ");\n"
       << "    return SYMC_ERROR_INVALID_ARGUMENT;\n  }\n";
    if (expected)
      os << "  for (i = 0; i < " << expected << "; ++i)\n"
         << "    if ((status = check_tensor(m, \"" << role << "\", i, @NAME@_" << role
         << "_names[i], &" << array << "[i], @NAME@_" << role << "_dtypes[i], @NAME@_"
         << role << "_ranks[i], @NAME@_" << role << "_shapes[i])) != SYMC_OK)\n"
         << "      return status;\n";
  };
  checkSide("input", "inputs", "num_inputs", inputs.size());
  checkSide("output", "outputs", "num_outputs", signature.results.size());
  // The entry takes every argument in order: inputs from the caller,
  // weights from the model; then the outputs. Split into samples, a run
  // calls it once per sample, on slices of the tensors that hold the batch.
  int64_t samples = signature.samples;
  auto holdsBatch = [&](size_t argument) {
    return samples > 1 && signature.perSample[argument];
  };
  // `t` as the entry sees it: one sample's, where it holds the batch.
  auto entryView = [&](const TensorSignature &t, bool batched) {
    TensorSignature view = t;
    if (batched)
      view.shape[0] /= samples;
    return view;
  };
  SmallVector<std::string> sources;
  size_t inputIndex = 0, weightIndex = 0;
  for (auto [i, t] : llvm::enumerate(signature.arguments)) {
    sources.push_back(options.externalWeights && t.isWeight
                          ? (options.cuda ? "m->device_weights[" : "m->weights[") +
                                std::to_string(weightIndex++) + "]"
                          : "inputs[" + std::to_string(inputIndex++) + "].data");
    os << "  symc_memref_" << t.shape.size() << " arg" << i << " = "
       << descriptorInit(entryView(t, holdsBatch(i)), sources.back()) << ";\n";
  }
  for (auto [i, t] : llvm::enumerate(signature.results))
    os << "  symc_memref_" << t.shape.size() << " out" << i << " = "
       << descriptorInit(entryView(t, samples > 1), "outputs[" + std::to_string(i) + "].data")
       << ";\n";
  if (options.cuda)
    os << "  if ((gpu_error = symcGpuBeginRun())) {\n"
       << "    snprintf(run_error(m), sizeof symc_run_error, \"%s\", gpu_error);\n"
       << "    return SYMC_ERROR_DEVICE;\n  }\n";
  std::string indent = "  ";
  if (samples > 1) {
    os << "  for (i = 0; i < " << samples << "; ++i) {\n";
    indent = "    ";
    auto slice = [&](StringRef descriptor, StringRef source, const TensorSignature &t) {
      os << indent << descriptor << ".allocated = " << descriptor << ".aligned = (char *)"
         << source << " + i * (size_t)" << t.byteSize() / samples << ";\n";
    };
    for (auto [i, t] : llvm::enumerate(signature.arguments))
      if (holdsBatch(i))
        slice("arg" + std::to_string(i), sources[i], t);
    for (auto [i, t] : llvm::enumerate(signature.results))
      slice("out" + std::to_string(i), "outputs[" + std::to_string(i) + "].data", t);
  }
  os << indent << "_mlir_ciface_@NAME@_main(";
  k = 0;
  for (size_t i = 0; i < signature.arguments.size(); ++i)
    os << (k++ ? ", " : "") << "&arg" << i;
  for (size_t i = 0; i < signature.results.size(); ++i)
    os << (k++ ? ", " : "") << "&out" << i;
  os << ");\n";
  if (samples > 1)
    os << "  }\n";
  if (options.cuda)
    os << "  if ((gpu_error = symcGpuEndRun())) {\n"
       << "    snprintf(run_error(m), sizeof symc_run_error, \"%s\", gpu_error);\n"
       << "    return SYMC_ERROR_DEVICE;\n  }\n";
  os << "  return SYMC_OK;\n}\n";
  if (options.cPredictAPI)
    writePredictAPI(os, name, inputs, signature);

  std::string result = text;
  auto replaceAll = [&](StringRef from, StringRef to) {
    size_t pos = 0;
    while ((pos = result.find(from.str(), pos)) != std::string::npos) {
      result.replace(pos, from.size(), to.str());
      pos += to.size();
    }
  };
  // Placeholders: '@' never occurs otherwise (cString escapes it).
  replaceAll("@UPPER@", name.upper());
  replaceAll("@NIN@", std::to_string(std::max<size_t>(inputs.size(), 1)));
  replaceAll("@NOUT@",
             std::to_string(std::max<size_t>(signature.results.size(), 1)));
  replaceAll("@DEVTYPE@", options.cuda ? "2" : "1");
  replaceAll("@DEVICE@", options.cuda ? "the GPU" : "the CPU");
  replaceAll("@NAME@", name.str());
  return result;
}

llvm::Expected<std::string> getKernelPTX(ModuleOp module) {
  std::string ptx;
  for (auto binary : module.getOps<gpu::BinaryOp>())
    for (Attribute attr : binary.getObjectsAttr()) {
      auto object = dyn_cast<gpu::ObjectAttr>(attr);
      if (!object || object.getFormat() != gpu::CompilationTarget::Assembly)
        return makeError("kernel binary '" + binary.getName() + "' holds no PTX");
      ptx += object.getObject().getValue();
    }
  if (ptx.empty())
    return makeError("the module has no GPU kernels");
  return ptx;
}

llvm::StringRef getRuntimeHeader() {
  static const char text[] =
#include "symc_runtime_header.inc"
      ;
  return text;
}

llvm::StringRef getParamsHeader() {
  static const char text[] =
#include "symc_params_header.inc"
      ;
  return text;
}

llvm::StringRef getPredictAPIHeader() {
  static const char text[] =
#include "c_predict_api_header.inc"
      ;
  return text;
}

} // namespace symc
