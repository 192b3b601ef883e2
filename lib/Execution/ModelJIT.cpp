//===- ModelJIT.cpp - LLVM-dialect modules JIT-compiled on every core -----===//

#include "symc/Execution/ModelJIT.h"

#include "symc/Execution/AOTCompiler.h"
#include "symc/Execution/ParallelCodegen.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/ExecutionEngine/Orc/AbsoluteSymbols.h"
#include "llvm/ExecutionEngine/Orc/JITTargetMachineBuilder.h"
#include "llvm/ExecutionEngine/Orc/LLJIT.h"
#include "llvm/ExecutionEngine/Orc/ThreadSafeModule.h"
#include "llvm/IR/Module.h"
#include "llvm/Passes/PassBuilder.h"
#include "llvm/Support/Threading.h"
#include "llvm/Target/TargetMachine.h"

using namespace mlir;

namespace symc {
namespace {

llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

/// The packed form of `callee`, as MLIR's ExecutionEngine names and defines
/// it: `_mlir_<callee>(void **args)`, where args[i] points to argument i
/// and, for a function with a result, args[n] to where it goes.
LLVM::LLVMFuncOp addPackedWrapper(ModuleOp module, LLVM::LLVMFuncOp callee) {
  MLIRContext *ctx = module.getContext();
  auto ptr = LLVM::LLVMPointerType::get(ctx);
  Location loc = callee.getLoc();
  OpBuilder builder = OpBuilder::atBlockEnd(module.getBody());
  auto wrapper = LLVM::LLVMFuncOp::create(
      builder, loc, ("_mlir_" + callee.getName()).str(),
      LLVM::LLVMFunctionType::get(LLVM::LLVMVoidType::get(ctx), {ptr}));
  Block *body = wrapper.addEntryBlock(builder);
  builder.setInsertionPointToStart(body);
  Value packed = body->getArgument(0);
  // The pointer that args[index] holds.
  auto slot = [&](int64_t index) -> Value {
    Value address = LLVM::GEPOp::create(builder, loc, ptr, ptr, packed,
                                        ArrayRef<LLVM::GEPArg>{index});
    return LLVM::LoadOp::create(builder, loc, ptr, address);
  };
  LLVM::LLVMFunctionType type = callee.getFunctionType();
  SmallVector<Value> args;
  for (auto [i, paramType] : llvm::enumerate(type.getParams()))
    args.push_back(LLVM::LoadOp::create(builder, loc, paramType, slot(i)));
  auto call = LLVM::CallOp::create(builder, loc, callee, args);
  if (!isa<LLVM::LLVMVoidType>(type.getReturnType()))
    LLVM::StoreOp::create(builder, loc, call.getResult(),
                          slot(type.getNumParams()));
  LLVM::ReturnOp::create(builder, loc, ValueRange());
  return wrapper;
}

} // namespace

/// LLVM's O2 IR pipeline on the lowered module, with `machine`'s cost
/// models, LLVM's loop vectorizer and no SLP vectorizer. Without a target
/// machine (as MLIR's makeOptimizingTransformer was called) the cost models
/// see no vector registers: the loops left to LLVM (a FullyConnected at
/// batch 1) stayed scalar and the unroller went by generic thresholds
/// (512 -> 1000 at batch 1: 0.24 ms a run, now 0.07). The kernels come
/// vectorized and unrolled from MLIR, where the SLP vectorizer and O3's
/// extra unrolling only cost compile time (ResNet-18 at batch 8: 10%).
void optimizeForJIT(llvm::Module &module, llvm::TargetMachine *machine) {
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager sccs;
  llvm::ModuleAnalysisManager modules;
  llvm::PipelineTuningOptions tuning;
  tuning.LoopVectorization = true;
  tuning.SLPVectorization = false;
  llvm::PassBuilder builder(machine, tuning);
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(sccs);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, sccs, modules);
  builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O2).run(module, modules);
}

llvm::Expected<std::unique_ptr<ModelJIT>> ModelJIT::create(ModuleOp module,
                                                           const Options &options) {
  initializeNativeTarget();
  auto machineBuilder = llvm::orc::JITTargetMachineBuilder::detectHost();
  if (!machineBuilder)
    return machineBuilder.takeError();
  machineBuilder->setCodeGenOptLevel(llvm::CodeGenOptLevel::Aggressive);
  auto jit = llvm::orc::LLJITBuilder().setJITTargetMachineBuilder(*machineBuilder).create();
  if (!jit)
    return jit.takeError();
  std::unique_ptr<ModelJIT> result(new ModelJIT());
  result->jit = std::move(*jit);
  llvm::orc::LLJIT &lljit = *result->jit;

  llvm::orc::SymbolMap runtime;
  for (const auto &[name, address] : options.runtimeSymbols)
    runtime[lljit.mangleAndIntern(name)] = {llvm::orc::ExecutorAddr::fromPtr(address),
                                            llvm::JITSymbolFlags::Exported};
  if (llvm::Error err = lljit.getMainJITDylib().define(llvm::orc::absoluteSymbols(runtime)))
    return std::move(err);

  // The parts are copies (`module` stays as the caller gave it); each
  // packed wrapper goes next to its callee's definition.
  unsigned threads = resolveCompileThreads(options.threads);
  auto parts = splitForParallelCodegen(module, threads * kPartsPerCompileThread);
  for (const std::string &name : options.entryPoints) {
    LLVM::LLVMFuncOp callee;
    for (OwningOpRef<ModuleOp> &part : parts)
      if (auto func = part->lookupSymbol<LLVM::LLVMFuncOp>(name); func && !func.isExternal())
        callee = func;
    if (!callee)
      return makeError("the module has no function '" + name + "'");
    addPackedWrapper(callee->getParentOfType<ModuleOp>(), callee);
  }
  if (llvm::Error err = parts.size() == 1 ? result->addModule(*parts.front())
                                          : result->addObjects(parts, threads))
    return std::move(err);

  for (const std::string &name : options.entryPoints) {
    auto address = lljit.lookup("_mlir_" + name);
    if (!address)
      return address.takeError();
    result->entries[name] = address->toPtr<void (*)(void **)>();
  }
  if (llvm::Error err = lljit.initialize(lljit.getMainJITDylib()))
    return std::move(err);
  return result;
}

llvm::Error ModelJIT::addModule(ModuleOp module) {
  DialectRegistry registry;
  registerAllToLLVMIRTranslations(registry);
  module.getContext()->appendDialectRegistry(registry);
  auto context = std::make_unique<llvm::LLVMContext>();
  std::unique_ptr<llvm::Module> llvmModule =
      translateModuleToLLVMIR(module, *context, "symc-model");
  if (!llvmModule)
    return makeError("translation to LLVM IR failed");
  auto machine = createTargetMachine(TargetOptions{});
  if (!machine)
    return machine.takeError();
  llvmModule->setDataLayout(jit->getDataLayout());
  llvmModule->setTargetTriple(jit->getTargetTriple());
  optimizeForJIT(*llvmModule, machine->get());
  return jit->addIRModule(llvm::orc::ThreadSafeModule(std::move(llvmModule), std::move(context)));
}

llvm::Error ModelJIT::addObjects(MutableArrayRef<OwningOpRef<ModuleOp>> parts,
                                 unsigned threads) {
  auto objects = compileParts(parts, TargetOptions{}, threads,
                              [](llvm::Module &module, llvm::TargetMachine &machine) {
                                optimizeForJIT(module, &machine);
                                return llvm::Error::success();
                              });
  if (!objects)
    return objects.takeError();
  for (std::unique_ptr<llvm::MemoryBuffer> &object : *objects)
    if (llvm::Error err = jit->addObjectFile(std::move(object)))
      return err;
  return llvm::Error::success();
}

ModelJIT::~ModelJIT() {
  if (jit)
    llvm::consumeError(jit->deinitialize(jit->getMainJITDylib()));
}

llvm::Error ModelJIT::invokePacked(llvm::StringRef name,
                                   llvm::MutableArrayRef<void *> args) const {
  auto entry = entries.find(name);
  if (entry == entries.end())
    return makeError("'" + name + "' is not an entry point of the model");
  entry->second(args.data());
  return llvm::Error::success();
}

} // namespace symc
