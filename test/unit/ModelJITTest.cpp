//===- ModelJITTest.cpp - modules cut into parts, compiled concurrently ---===//
//
// splitForParallelCodegen: which part defines what, and how symbols stay
// linkable; ModelJIT: the parts link back into one program that calls
// across them, reads part 0's global and calls a runtime symbol.
//
//===----------------------------------------------------------------------===//

#include "symc/Execution/ModelJIT.h"
#include "symc/Execution/ParallelCodegen.h"

#include "mlir/Dialect/LLVMIR/LLVMDialect.h"
#include "mlir/IR/Verifier.h"
#include "mlir/Parser/Parser.h"
#include "gtest/gtest.h"

using namespace mlir;

namespace {

/// entry(x) = twice(x) + offset(x); twice calls the runtime; a private
/// global and an internal function are used from other functions.
constexpr const char *kProgram = R"mlir(
llvm.mlir.global private constant @bias(7 : i64) : i64
llvm.func @symc_test_runtime_twice(i64) -> i64
llvm.func internal @offset(%x: i64) -> i64 {
  %p = llvm.mlir.addressof @bias : !llvm.ptr
  %b = llvm.load %p : !llvm.ptr -> i64
  %r = llvm.add %x, %b : i64
  llvm.return %r : i64
}
llvm.func @twice(%x: i64) -> i64 {
  %r = llvm.call @symc_test_runtime_twice(%x) : (i64) -> i64
  llvm.return %r : i64
}
llvm.func @entry(%x: i64) -> i64 {
  %a = llvm.call @twice(%x) : (i64) -> i64
  %b = llvm.call @offset(%x) : (i64) -> i64
  %c = llvm.mul %a, %b : i64
  llvm.return %c : i64
}
)mlir";

extern "C" int64_t symc_test_runtime_twice(int64_t x) { return 2 * x; }

class ParallelCodegenTest : public ::testing::Test {
protected:
  ParallelCodegenTest() { context.loadDialect<LLVM::LLVMDialect>(); }
  OwningOpRef<ModuleOp> parse(const char *text) {
    return parseSourceString<ModuleOp>(text, &context);
  }
  MLIRContext context;
};

bool defines(ModuleOp part, StringRef name) {
  Operation *symbol = part.lookupSymbol(name);
  if (auto func = dyn_cast_or_null<LLVM::LLVMFuncOp>(symbol))
    return !func.isExternal();
  if (auto global = dyn_cast_or_null<LLVM::GlobalOp>(symbol))
    return global.getValueOrNull() != nullptr;
  return false;
}

TEST_F(ParallelCodegenTest, EachDefinitionInOnePartAndDeclaredInTheOthers) {
  OwningOpRef<ModuleOp> module = parse(kProgram);
  ASSERT_TRUE(module);
  auto parts = symc::splitForParallelCodegen(*module, 8);
  // Three definitions: no more parts than that.
  ASSERT_EQ(parts.size(), 3u);
  for (const char *name : {"offset", "twice", "entry"}) {
    int definedIn = 0;
    for (OwningOpRef<ModuleOp> &part : parts) {
      EXPECT_TRUE(part->lookupSymbol(name)) << name;
      definedIn += defines(*part, name);
    }
    EXPECT_EQ(definedIn, 1) << name;
  }
  EXPECT_TRUE(defines(*parts[0], "bias"));
  for (OwningOpRef<ModuleOp> &part : parts) {
    EXPECT_TRUE(succeeded(verify(*part)));
    // Local symbols are linkable from the other parts, and only there.
    auto offset = part->lookupSymbol<LLVM::LLVMFuncOp>("offset");
    EXPECT_EQ(offset.getLinkage(), LLVM::Linkage::External);
    if (defines(*part, "offset"))
      EXPECT_EQ(offset.getVisibility_(), LLVM::Visibility::Hidden);
    auto bias = part->lookupSymbol<LLVM::GlobalOp>("bias");
    EXPECT_EQ(bias.getLinkage(), LLVM::Linkage::External);
    // A declaration assumes nothing of where its definition lies: the
    // parts' objects may be mapped more than 2 GiB apart.
    if (!defines(*part, "offset")) {
      EXPECT_FALSE(offset.getDsoLocal());
      EXPECT_EQ(offset.getVisibility_(), LLVM::Visibility::Default);
    }
  }
  for (unsigned i = 1; i < parts.size(); ++i) {
    auto bias = parts[i]->lookupSymbol<LLVM::GlobalOp>("bias");
    EXPECT_FALSE(defines(*parts[i], "bias"));
    EXPECT_FALSE(bias.getDsoLocal());
    EXPECT_EQ(bias.getVisibility_(), LLVM::Visibility::Default);
  }
  // The input is unchanged.
  EXPECT_EQ(module->lookupSymbol<LLVM::LLVMFuncOp>("offset").getLinkage(),
            LLVM::Linkage::Internal);
}

TEST_F(ParallelCodegenTest, ModulesWithOtherTopLevelOpsStayWhole) {
  std::string text = std::string(kProgram) +
                     "llvm.mlir.global_ctors ctors = [@entry], priorities = [0 : i32], "
                     "data = [#llvm.zero]\n";
  OwningOpRef<ModuleOp> module = parse(text.c_str());
  ASSERT_TRUE(module);
  auto parts = symc::splitForParallelCodegen(*module, 8);
  ASSERT_EQ(parts.size(), 1u);
  EXPECT_TRUE(defines(*parts[0], "offset"));
  EXPECT_TRUE(defines(*parts[0], "entry"));
}

TEST_F(ParallelCodegenTest, PartsLinkIntoOneProgram) {
  OwningOpRef<ModuleOp> module = parse(kProgram);
  ASSERT_TRUE(module);
  symc::ModelJIT::Options options;
  options.entryPoints = {"entry"};
  options.runtimeSymbols["symc_test_runtime_twice"] =
      reinterpret_cast<void *>(&symc_test_runtime_twice);
  options.threads = 2;
  auto jit = symc::ModelJIT::create(*module, options);
  ASSERT_TRUE(bool(jit)) << llvm::toString(jit.takeError());
  int64_t x = 5, result = 0;
  void *args[] = {&x, &result};
  ASSERT_FALSE(bool((*jit)->invokePacked("entry", args)));
  EXPECT_EQ(result, (2 * 5) * (5 + 7));

  llvm::Error unknown = (*jit)->invokePacked("twice", args);
  ASSERT_TRUE(bool(unknown));
  EXPECT_EQ(llvm::toString(std::move(unknown)), "'twice' is not an entry point of the model");
}

} // namespace
