//===- Executor.h - bound symbols that run compiled code ----------*- C++ -*-===//
//
// What Symbol::bind / simple_bind return, as MXNet's Executor: argument,
// auxiliary and output arrays, and forward(). The graph is compiled by
// symc's CPU pipeline and JIT the first time forward() sees a set of input
// shapes and dtypes; later calls with the same set reuse that code (the
// eight most recent sets are kept).
//
// Threads: executors share nothing but their symbol's nodes, which they
// only read, so distinct executors run concurrently; forward() and
// copy_params_from() of one executor take turns. Copies of an Executor
// share one executor.
//
//===----------------------------------------------------------------------===//

#ifndef SYMC_API_EXECUTOR_H
#define SYMC_API_EXECUTOR_H

#include "symc/API/NDArray.h"

namespace symc {

class Executor {
public:
  /// Runs the graph. `kwargs` first replace arguments by name (an array of
  /// another shape rebinds that argument, compiling for the new shapes).
  const std::vector<NDArray> &
  forward(bool is_train = false, const std::map<std::string, NDArray> &kwargs = {});

  const std::vector<NDArray> &outputs() const;
  const std::vector<NDArray> &arg_arrays() const;
  const std::vector<NDArray> &aux_arrays() const;
  std::map<std::string, NDArray> arg_dict() const;
  std::map<std::string, NDArray> aux_dict() const;
  std::map<std::string, NDArray> output_dict() const;

  /// Copies parameter values into the bound arrays; names that are not
  /// arguments are errors unless `allow_extra_params`.
  void copy_params_from(const std::map<std::string, NDArray> &arg_params,
                        const std::map<std::string, NDArray> &aux_params = {},
                        bool allow_extra_params = false);

  /// How many times this executor compiled (once per input signature).
  unsigned numCompilations() const;
  /// Runs of the compiled graph in the last forward: the batch size where
  /// it ran one sample at a time (a memory-bound model at a batch whose
  /// activations outgrow L2, SampleSplit.h), else 1; 0 before the first.
  int64_t runsPerForward() const;

  struct Impl;
  explicit Executor(std::shared_ptr<Impl> impl) : impl(std::move(impl)) {}

private:
  std::shared_ptr<Impl> impl;
};

} // namespace symc

#endif // SYMC_API_EXECUTOR_H
