//===- ParallelCodegen.cpp - LLVM code generation on every core -----------===//

#include "symc/Execution/ParallelCodegen.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Builders.h"
#include "mlir/Target/LLVMIR/Dialect/All.h"
#include "mlir/Target/LLVMIR/Export.h"
#include "llvm/IR/LegacyPassManager.h"
#include "llvm/IR/Module.h"
#include "llvm/Support/SmallVectorMemoryBuffer.h"
#include "llvm/Support/ThreadPool.h"
#include "llvm/Support/Threading.h"
#include "llvm/Target/TargetMachine.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/Sequence.h"

#include <algorithm>

using namespace mlir;

namespace symc {
namespace {

llvm::Error makeError(const llvm::Twine &msg) {
  return llvm::createStringError(llvm::inconvertibleErrorCode(), msg);
}

bool isLocal(LLVM::Linkage linkage) {
  return linkage == LLVM::Linkage::Private || linkage == LLVM::Linkage::Internal;
}

/// Whether the parts can each hold a copy of `op` (a declaration where they
/// do not define it) and still link into one program.
bool isSplittable(Operation &op) {
  if (isa<LLVM::LLVMFuncOp>(op))
    return true;
  if (auto global = dyn_cast<LLVM::GlobalOp>(op))
    return isLocal(global.getLinkage()) ||
           global.getLinkage() == LLVM::Linkage::External;
  return false;
}

/// Makes a definition visible to the other parts, and to them only.
template <typename SymbolOp>
void exposeToOtherParts(SymbolOp op) {
  if (!isLocal(op.getLinkage()))
    return;
  op.setLinkage(LLVM::Linkage::External);
  op.setVisibility_(LLVM::Visibility::Hidden);
  // `dso_local` and friends stay; an unnamed_addr is harmless either way.
}

/// Marks `op` as a declaration of a definition in another part. Each part is
/// its own object and the JIT maps objects wherever mmap puts them, often
/// more than 2 GiB apart (always under AddressSanitizer), so a reference may
/// not assume the definition is near: without `dso_local` and hidden
/// visibility, data is reached through the GOT and calls through PLT stubs,
/// which the JIT linker places next to the code. (A static linker, as for
/// sym-compile, relaxes them back to direct references.)
template <typename SymbolOp>
void declareFromAnotherPart(SymbolOp op) {
  op.setDsoLocal(false);
  op.setVisibility_(LLVM::Visibility::Default);
}

/// `global` without its value: a declaration of the definition in part 0.
void makeDeclaration(LLVM::GlobalOp global) {
  global.removeValueAttr();
  global.getInitializerRegion().getBlocks().clear();
  global.setLinkage(LLVM::Linkage::External);
  declareFromAnotherPart(global);
}

/// The part each function definition goes to: the heaviest first, each to
/// the part with the fewest operations so far.
llvm::DenseMap<Operation *, unsigned>
assignFunctions(ArrayRef<LLVM::LLVMFuncOp> definitions, unsigned parts) {
  SmallVector<int64_t> sizes;
  for (LLVM::LLVMFuncOp func : definitions) {
    int64_t size = 0;
    func.walk([&](Operation *) { ++size; });
    sizes.push_back(size);
  }
  // Heaviest first; equal sizes in module order, for a deterministic cut.
  auto order = llvm::to_vector(llvm::seq<size_t>(0, definitions.size()));
  llvm::sort(order, [&](size_t a, size_t b) {
    return std::make_pair(-sizes[a], a) < std::make_pair(-sizes[b], b);
  });
  SmallVector<int64_t> load(parts, 0);
  llvm::DenseMap<Operation *, unsigned> partOf;
  for (size_t i : order) {
    unsigned lightest = std::min_element(load.begin(), load.end()) - load.begin();
    load[lightest] += sizes[i];
    partOf[definitions[i]] = lightest;
  }
  return partOf;
}

} // namespace

SmallVector<OwningOpRef<ModuleOp>> splitForParallelCodegen(ModuleOp module,
                                                           unsigned maxParts) {
  SmallVector<LLVM::LLVMFuncOp> definitions;
  for (auto func : module.getOps<LLVM::LLVMFuncOp>())
    if (!func.isExternal())
      definitions.push_back(func);
  unsigned parts = std::clamp<size_t>(definitions.size(), 1, std::max(maxParts, 1u));
  SmallVector<OwningOpRef<ModuleOp>> result;
  if (parts == 1 || !llvm::all_of(module.getBody()->getOperations(), isSplittable)) {
    result.push_back(cast<ModuleOp>(module->clone()));
    return result;
  }

  llvm::DenseMap<Operation *, unsigned> partOf = assignFunctions(definitions, parts);
  for (unsigned part = 0; part < parts; ++part) {
    OwningOpRef<ModuleOp> copy = ModuleOp::create(module.getLoc());
    (*copy)->setAttrs(module->getAttrDictionary());
    OpBuilder builder = OpBuilder::atBlockEnd(copy->getBody());
    for (Operation &op : module.getBody()->getOperations()) {
      if (auto func = dyn_cast<LLVM::LLVMFuncOp>(op)) {
        bool defineHere = !func.isExternal() && partOf.lookup(func) == part;
        auto clone = cast<LLVM::LLVMFuncOp>(defineHere ? builder.clone(op)
                                                       : builder.cloneWithoutRegions(op));
        exposeToOtherParts(clone);
        if (!defineHere && !func.isExternal())
          declareFromAnotherPart(clone);
        continue;
      }
      auto global = cast<LLVM::GlobalOp>(builder.clone(op));
      exposeToOtherParts(global);
      if (part != 0)
        makeDeclaration(global);
    }
    result.push_back(std::move(copy));
  }
  return result;
}

unsigned resolveCompileThreads(unsigned threads) {
  return threads ? threads : llvm::hardware_concurrency().compute_thread_count();
}

namespace {

/// `module`, optimized, as an object file in memory.
llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>
compileToObject(llvm::Module &module, const TargetOptions &target, IROptimizer optimize) {
  auto machine = createTargetMachine(target);
  if (!machine)
    return machine.takeError();
  module.setDataLayout((*machine)->createDataLayout());
  module.setTargetTriple((*machine)->getTargetTriple());
  if (llvm::Error err = optimize(module, **machine))
    return std::move(err);
  llvm::SmallVector<char, 0> object;
  llvm::raw_svector_ostream os(object);
  llvm::legacy::PassManager pm;
  if ((*machine)->addPassesToEmitFile(pm, os, nullptr, llvm::CodeGenFileType::ObjectFile))
    return makeError("the target cannot emit object files");
  pm.run(module);
  return std::make_unique<llvm::SmallVectorMemoryBuffer>(
      std::move(object), module.getModuleIdentifier(), /*RequiresNullTerminator=*/false);
}

} // namespace

llvm::Expected<std::vector<std::unique_ptr<llvm::MemoryBuffer>>>
compileParts(MutableArrayRef<OwningOpRef<ModuleOp>> parts, const TargetOptions &target,
             unsigned threads, IROptimizer optimize) {
  // Translation reads the MLIR context: one part after another.
  DialectRegistry registry;
  registerAllToLLVMIRTranslations(registry);
  std::vector<std::unique_ptr<llvm::LLVMContext>> contexts;
  std::vector<std::unique_ptr<llvm::Module>> modules;
  for (auto [i, part] : llvm::enumerate(parts)) {
    part->getContext()->appendDialectRegistry(registry);
    contexts.push_back(std::make_unique<llvm::LLVMContext>());
    modules.push_back(translateModuleToLLVMIR(
        *part, *contexts.back(), ("symc-model-part" + llvm::Twine(i)).str()));
    if (!modules.back())
      return makeError("translation to LLVM IR failed");
  }

  std::vector<llvm::Expected<std::unique_ptr<llvm::MemoryBuffer>>> objects;
  for (size_t i = 0; i < parts.size(); ++i)
    objects.emplace_back(nullptr);
  {
    llvm::DefaultThreadPool pool(
        llvm::hardware_concurrency(resolveCompileThreads(threads)));
    for (size_t i = 0; i < parts.size(); ++i)
      pool.async([&, i] { objects[i] = compileToObject(*modules[i], target, optimize); });
    pool.wait();
  }
  std::vector<std::unique_ptr<llvm::MemoryBuffer>> result;
  llvm::Error errors = llvm::Error::success();
  for (auto &object : objects) {
    if (object)
      result.push_back(std::move(*object));
    else
      errors = llvm::joinErrors(std::move(errors), object.takeError());
  }
  if (errors)
    return std::move(errors);
  return result;
}

} // namespace symc
