//===- SampleSplit.h - batches run one sample at a time -----------*- C++ -*-===//
//
// A batch of 8 SqueezeNet images took 41 ms in one run and 33 ms as eight
// runs of one image (one core): its layers do little arithmetic per byte,
// and a batch's activations (25 MB out of its first convolution) spill
// every cache, where one image's stay in L2. ResNet-18, which does four
// times the arithmetic per byte, ran as fast either way on one core and 7%
// slower image by image on two. A model whose ops keep the samples apart
// and that moves many bytes per FLOP is therefore compiled for one sample
// and run once per sample of the batch.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_EXECUTION_SAMPLESPLIT_H
#define SYMC_EXECUTION_SAMPLESPLIT_H

#include "symc/Execution/CompiledModel.h"
#include "symc/Pipelines/Pipelines.h"

#include "mlir/IR/BuiltinOps.h"
#include "mlir/IR/OwningOpRef.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"

#include <string>

namespace symc {

/// How the batch of an inferred @main runs: `samples` runs of one sample
/// each (1: the whole batch in one run). `perSample[i]`: argument i holds
/// the batch on axis 0 (the others are the same in every run).
struct SampleSplit {
  int64_t samples = 1;
  llvm::SmallVector<bool> perSample;
};

/// The split of `module`'s inferred @main: the non-constant arguments (all
/// but `constantArguments`, by name) and every result hold a batch N > 1 on
/// axis 0; every op that reads the batch keeps its samples apart (a list of
/// NN ops, checked per attribute); and, with `onlyMemoryBound`, the model
/// does fewer than kMaxFlopsPerByteApart FLOPs of convolution and
/// FullyConnected per byte of activations, at least one of which outgrows
/// L2. Otherwise one run.
SampleSplit chooseSampleSplit(mlir::ModuleOp module,
                              llvm::ArrayRef<std::string> constantArguments,
                              bool onlyMemoryBound);

/// Re-infers `module`'s @main (inferred for the whole batch) for one sample
/// of `split`. Fails, leaving the module unusable, where a shape does not
/// follow (an attribute fixes the batch size).
mlir::LogicalResult inferForOneSample(mlir::ModuleOp module, const SampleSplit &split);

/// `signature`, of the entry compiled for one sample, as callers see it:
/// the batch's shapes (each result, each argument that `perSample` marks),
/// its FLOPs, `samples` and `perSample` recorded. Nothing for samples == 1.
void widenToBatch(ModelSignature &signature, int64_t samples, llvm::ArrayRef<bool> perSample);

/// What to compile under `mode` (CPU): a copy of `module` inferred for one
/// sample, with its split, where chooseSampleSplit splits the batch and
/// the shapes follow; else no module and one run.
std::pair<mlir::OwningOpRef<mlir::ModuleOp>, SampleSplit>
compileForOneSample(mlir::ModuleOp module, llvm::ArrayRef<std::string> constantArguments,
                    BatchSplit mode);

} // namespace symc

#endif // SYMC_EXECUTION_SAMPLESPLIT_H
