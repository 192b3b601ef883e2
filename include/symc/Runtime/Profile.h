/*===- Profile.h - per-kernel timing of compiled models ----------*- C -*-===//
 *
 * Models compiled for profiling (sym-run --profile, the pass
 * symc-profile-kernels) call symc_profile_enter / symc_profile_exit around
 * every kernel; the runtime sums the wall time and the calls per kernel id.
 * The totals are per process and thread-safe (atomics); nested or
 * concurrent kernels each count their own time.
 *
 *===----------------------------------------------------------------------===*/

#ifndef SYMC_RUNTIME_PROFILE_H
#define SYMC_RUNTIME_PROFILE_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Called by compiled code: the kernel `id` starts / ends. */
void symc_profile_enter(int64_t id);
void symc_profile_exit(int64_t id);

/* Nanoseconds and calls summed for kernel `id` so far (0 for ids never
 * seen). */
uint64_t symc_profile_nanoseconds(int64_t id);
uint64_t symc_profile_calls(int64_t id);
/* Forgets every total. */
void symc_profile_reset(void);

#ifdef __cplusplus
}
#endif

#endif /* SYMC_RUNTIME_PROFILE_H */
