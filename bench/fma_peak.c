/* The machine's f32 FMA peak, measured: each OpenMP thread (OMP_NUM_THREADS)
 * runs 16 independent chains of vector FMAs, enough to cover the FMA
 * latency times the FMA units of any current x86 core, on registers only.
 * The vector is 64 bytes; with -march=native the compiler emits one zmm FMA
 * on AVX-512 or two ymm FMAs on AVX2, so the count holds on either. Prints
 * the best of several passes in GFLOP/s (an FMA counts 2), which is
 * cores x FMA units x lanes x 2 x the clock the cores actually ran at.
 * Built by bench/bench.py --micro: cc -O2 -march=native -fopenmp. */
#include <omp.h>
#include <stdio.h>

typedef float v16 __attribute__((vector_size(64)));
#define CHAINS 16 /* the accumulators of chains() */
#define STEPS 20000000L
#define PASSES 5

/* Sixteen named accumulators (an array of them ends up in memory with
 * some compilers, which would measure the stores instead). */
#define FMA(x) x = x * a + b /* contracted to an FMA under -march=native */
static float chains(float seed) {
  v16 a = (v16){0} + 0.999999f, b = (v16){0} + 1e-7f;
  v16 c0 = (v16){0} + seed, c1 = c0 + 1, c2 = c0 + 2, c3 = c0 + 3, c4 = c0 + 4,
      c5 = c0 + 5, c6 = c0 + 6, c7 = c0 + 7, c8 = c0 + 8, c9 = c0 + 9, c10 = c0 + 10,
      c11 = c0 + 11, c12 = c0 + 12, c13 = c0 + 13, c14 = c0 + 14, c15 = c0 + 15;
  for (long i = 0; i < STEPS; ++i) {
    FMA(c0); FMA(c1); FMA(c2); FMA(c3); FMA(c4); FMA(c5); FMA(c6); FMA(c7);
    FMA(c8); FMA(c9); FMA(c10); FMA(c11); FMA(c12); FMA(c13); FMA(c14); FMA(c15);
  }
  v16 sum = c0 + c1 + c2 + c3 + c4 + c5 + c6 + c7 + c8 + c9 + c10 + c11 + c12 + c13 +
            c14 + c15;
  float total = 0;
  for (int l = 0; l < 16; ++l)
    total += sum[l];
  return total;
}

int main(void) {
  double best = 0;
  float sink = 0;
  for (int pass = 0; pass < PASSES; ++pass) {
    double start = omp_get_wtime();
#pragma omp parallel reduction(+ : sink)
    sink += chains(1.0f + (float)omp_get_thread_num());
    double seconds = omp_get_wtime() - start;
    double flops = 2.0 * 16 * CHAINS * STEPS * omp_get_max_threads();
    if (flops / seconds / 1e9 > best)
      best = flops / seconds / 1e9;
  }
  printf("fma peak: %.1f GFLOP/s with %d thread(s) (checksum %g)\n", best,
         omp_get_max_threads(), (double)sink);
  return 0;
}
