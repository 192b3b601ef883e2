//===- CPUSchedule.cpp - symc-cpu-schedule ---------------------------------===//
//
// Joins the schedule families (Matmul.cpp, Convolution.cpp, Transpose.cpp)
// into one transform-dialect sequence over the module and interprets it.
// Register tiles follow the host's vector width.
//
//===----------------------------------------------------------------------===//

#include "Schedules.h"
#include "symc/Transforms/Passes.h"

#include "mlir/Dialect/Linalg/IR/Linalg.h"
#include "mlir/Dialect/SCF/IR/SCF.h"
#include "mlir/Dialect/Tensor/IR/Tensor.h"
#include "mlir/Dialect/Transform/IR/TransformDialect.h"
#include "mlir/Dialect/Transform/IR/TransformOps.h"
#include "mlir/Dialect/Transform/Interfaces/TransformInterfaces.h"
#include "mlir/Dialect/Transform/Transforms/TransformInterpreterUtils.h"
#include "mlir/Dialect/Vector/IR/VectorOps.h"
#include "mlir/Parser/Parser.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCSchedule.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Host.h"

#include <thread>
#include <unistd.h>

using namespace mlir;

namespace symc {
#define GEN_PASS_DEF_SYMCPUSCHEDULE
#include "symc/Dialect/TransformsPasses.h.inc"

namespace {

/// The register tile (rows, columns) the host's vector registers hold
/// without spilling: 8 x 32 with 32 zmm registers, else 4 x 16 (16 ymm).
std::pair<int64_t, int64_t> hostRegisterTile() {
  if (getHostVectorBits() == 512)
    return {8, 32};
  return {4, 16};
}

/// The vector FMAs the host issues per cycle at its widest vectors, as
/// LLVM's scheduling model of the host CPU has them (the reciprocal
/// throughput of a register-register FMA): 1 for AVX-512 on Zen 4, which
/// splits each 512-bit FMA in two halves, 2 on the AVX-512 Xeons and AVX2
/// cores; 2 where the model does not say.
int64_t modelledVectorFmasPerCycle() {
  llvm::InitializeNativeTarget();
  llvm::Triple triple(llvm::sys::getProcessTriple());
  std::string error;
  const llvm::Target *target = llvm::TargetRegistry::lookupTarget(triple, error);
  if (!target)
    return 2;
  std::unique_ptr<llvm::MCSubtargetInfo> subtarget(
      target->createMCSubtargetInfo(triple, llvm::sys::getHostCPUName(), ""));
  std::unique_ptr<llvm::MCInstrInfo> instrInfo(target->createMCInstrInfo());
  if (!subtarget || !instrInfo || !subtarget->getSchedModel().hasInstrSchedModel())
    return 2;
  llvm::StringRef fma = getHostVectorBits() == 512 ? "VFMADD231PSZr" : "VFMADD231PSYr";
  for (unsigned opcode = 0, e = instrInfo->getNumOpcodes(); opcode != e; ++opcode) {
    if (instrInfo->getName(opcode) != fma)
      continue;
    const llvm::MCSchedModel &model = subtarget->getSchedModel();
    const llvm::MCSchedClassDesc *desc =
        model.getSchedClassDesc(instrInfo->get(opcode).getSchedClass());
    if (!desc || !desc->isValid() || desc->isVariant())
      return 2;
    return llvm::MCSchedModel::getReciprocalThroughput(*subtarget, *desc) >= 1.0 ? 1 : 2;
  }
  return 2;
}

/// modelledVectorFmasPerCycle, asked once.
int64_t hostVectorFmasPerCycle() {
  static const int64_t fmas = modelledVectorFmasPerCycle();
  return fmas;
}

/// The size of the first core's cache of `level` and `type` ("Data",
/// "Unified") as Linux's sysfs gives it, else 0. Read before glibc's
/// sysconf, which on an AMD EPYC VM gave 320 MiB for its 32 MiB L3 (the
/// L3 of all the processor's core complexes, not the one this core sees).
int64_t sysfsCacheBytes(int level, llvm::StringRef type) {
  for (int index = 0; index < 8; ++index) {
    std::string dir = "/sys/devices/system/cpu/cpu0/cache/index" + std::to_string(index) + "/";
    auto read = [&](const char *name) -> std::string {
      // Read as a stream: sysfs files report a size they do not have.
      auto buffer = llvm::MemoryBuffer::getFileAsStream(dir + name);
      return buffer ? (*buffer)->getBuffer().trim().str() : std::string();
    };
    std::string levelText = read("level");
    if (levelText.empty())
      return 0;
    if (levelText != std::to_string(level) || read("type") != type)
      continue;
    std::string sizeText = read("size"); // "32768K"
    llvm::StringRef size = sizeText;
    int64_t kib = 0;
    if (!size.consume_back("K") || size.getAsInteger(10, kib))
      return 0;
    return kib << 10;
  }
  return 0;
}

/// The size of the cache of `level` and `type`: sysfs's, else sysconf's
/// `name`, else `fallback`.
int64_t hostCacheBytes(int level, llvm::StringRef type, int name, int64_t fallback) {
  if (int64_t bytes = sysfsCacheBytes(level, type))
    return bytes;
  long bytes = sysconf(name);
  return bytes > 0 ? bytes : fallback;
}

int64_t hostL1DataBytes() { return hostCacheBytes(1, "Data", _SC_LEVEL1_DCACHE_SIZE, 32 << 10); }
int64_t hostL2Bytes() { return hostCacheBytes(2, "Unified", _SC_LEVEL2_CACHE_SIZE, 1 << 20); }
int64_t hostL3Bytes() { return hostCacheBytes(3, "Unified", _SC_LEVEL3_CACHE_SIZE, 8 << 20); }

/// Transposes that move only unit dimensions (the vectorized copies of the
/// matmul packs) as shape casts: lowered as transposes, they would move
/// each element apart.
void unitTransposesToShapeCasts(ModuleOp module) {
  module.walk([](vector::TransposeOp op) {
    VectorType type = op.getSourceVectorType();
    int64_t last = -1;
    for (int64_t dim : op.getPermutation()) {
      if (type.getDimSize(dim) == 1)
        continue;
      if (dim < last)
        return;
      last = dim;
    }
    OpBuilder b(op);
    op.replaceAllUsesWith(
        vector::ShapeCastOp::create(b, op.getLoc(), op.getResultVectorType(), op.getVector())
            .getResult());
    op.erase();
  });
}

struct CPUSchedulePass : impl::SymCPUScheduleBase<CPUSchedulePass> {
  using SymCPUScheduleBase::SymCPUScheduleBase;

  void runOnOperation() override {
    ModuleOp module = getOperation();
    auto [hostM, hostN] = hostRegisterTile();
    cpu::RegisterTile tile{
        registerTileM ? int64_t(registerTileM) : hostM,
        registerTileN ? int64_t(registerTileN) : hostN,
        fmasPerCycle ? int64_t(fmasPerCycle) : hostVectorFmasPerCycle()};
    int64_t threads =
        !parallel ? 1
        : cores   ? int64_t(cores)
                  : std::max<int64_t>(1, std::thread::hardware_concurrency());
    int64_t l1 = l1Bytes ? int64_t(l1Bytes) : hostL1DataBytes();
    int64_t l2 = l2Bytes ? int64_t(l2Bytes) : hostL2Bytes();
    int64_t l3 = l3Bytes ? int64_t(l3Bytes) : hostL3Bytes();
    // Before the matmuls are scheduled: Winograd's are among them.
    if (winogradTile != 0 && winogradTile != 2 && winogradTile != 4) {
      module.emitError("symc-cpu-schedule: winograd-tile must be 0, 2 or 4, not ")
          << int64_t(winogradTile);
      return signalPassFailure();
    }
    if (winograd)
      cpu::rewriteWinogradConvolutions(module, tile, l2, l3, threads, winogradTile);
    std::string schedules = cpu::scheduleMatmuls(module, tile, l1, l2, threads) +
                            cpu::scheduleConvolutions(module, tile, l1, l2, l3, threads,
                                                      double(minParallelFlops)) +
                            cpu::schedulePooling(module);
    // Convolutions and poolings are channel-last between transposes now;
    // activations stay so from one to the next where the transposes cancel.
    if (failed(sinkTransposes(module)))
      return signalPassFailure();
    schedules += cpu::scheduleTransposes(module, threads);
    if (schedules.empty())
      return;

    std::string script = R"(
module attributes {transform.with_named_sequence} {
  transform.named_sequence @__transform_main(%root: !transform.any_op) {
    %f = transform.structured.match ops{["func.func"]} in %root
        : (!transform.any_op) -> !transform.any_op
)" + schedules + R"(
    transform.apply_patterns to %f { transform.apply_patterns.canonicalization } : !transform.any_op
    transform.yield
  }
}
)";
    OwningOpRef<ModuleOp> library =
        parseSourceString<ModuleOp>(script, ParserConfig(&getContext()));
    if (!library) {
      module.emitError("symc-cpu-schedule: invalid transform script");
      return signalPassFailure();
    }
    auto entry = library->lookupSymbol<transform::NamedSequenceOp>("__transform_main");
    if (failed(transform::applyTransformNamedSequence(
            module, entry, *library, transform::TransformOptions())))
      return signalPassFailure();
    unitTransposesToShapeCasts(module);
    module.walk([](linalg::LinalgOp op) {
      for (StringRef tag : {cpu::kMatmulKernelAttr, cpu::kMatmulPackAttr, cpu::kMatmulRowsAttr,
                            cpu::kConvScheduleAttr, cpu::kDepthwiseScheduleAttr,
                            cpu::kTransposeTileAttr})
        op->removeAttr(tag);
    });
  }
};

} // namespace

int64_t getHostVectorBits() {
  return llvm::sys::getHostCPUFeatures().lookup("avx512f") ? 512 : 256;
}

} // namespace symc
