//===- Profile.cpp - per-kernel timing of compiled models -----------------===//
//
// A fixed table of atomic totals indexed by kernel id (ids beyond it are
// dropped: a model has a few thousand kernels at most). The start time of
// a kernel is kept per thread and per id, in a small thread-local map, so
// that kernels on several threads time themselves independently.
//
//===----------------------------------------------------------------------===//

#include "symc/Runtime/Profile.h"

#include <atomic>
#include <chrono>
#include <unordered_map>

namespace {

constexpr int64_t kMaxKernels = 1 << 16;

struct Totals {
  std::atomic<uint64_t> nanoseconds{0};
  std::atomic<uint64_t> calls{0};
};

Totals *table() {
  static Totals *totals = new Totals[kMaxKernels];
  return totals;
}

uint64_t now() {
  return std::chrono::duration_cast<std::chrono::nanoseconds>(
             std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

thread_local std::unordered_map<int64_t, uint64_t> startTimes;

bool inRange(int64_t id) { return id >= 0 && id < kMaxKernels; }

} // namespace

extern "C" void symc_profile_enter(int64_t id) {
  if (inRange(id))
    startTimes[id] = now();
}

extern "C" void symc_profile_exit(int64_t id) {
  if (!inRange(id))
    return;
  auto it = startTimes.find(id);
  if (it == startTimes.end())
    return;
  Totals &t = table()[id];
  t.nanoseconds.fetch_add(now() - it->second, std::memory_order_relaxed);
  t.calls.fetch_add(1, std::memory_order_relaxed);
  startTimes.erase(it);
}

extern "C" uint64_t symc_profile_nanoseconds(int64_t id) {
  return inRange(id) ? table()[id].nanoseconds.load() : 0;
}

extern "C" uint64_t symc_profile_calls(int64_t id) {
  return inRange(id) ? table()[id].calls.load() : 0;
}

extern "C" void symc_profile_reset(void) {
  for (int64_t i = 0; i < kMaxKernels; ++i) {
    table()[i].nanoseconds = 0;
    table()[i].calls = 0;
  }
}
