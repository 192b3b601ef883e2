/* STREAM-like triad a[i] = b[i] + s * c[i] over three arrays of doubles far
 * larger than the caches, with OpenMP threads (OMP_NUM_THREADS). Prints the
 * best of several passes in GB/s, counting 24 bytes per element as STREAM
 * does (two loads, one store; no write-allocate traffic).
 * Built by bench/bench.py --micro: cc -O3 -march=native -fopenmp. */
#include <omp.h>
#include <stdio.h>
#include <stdlib.h>

#define N (1L << 25) /* 256 MiB per array */
#define PASSES 10

int main(void) {
  double *a = malloc(N * sizeof(double)), *b = malloc(N * sizeof(double)),
         *c = malloc(N * sizeof(double)), best = 1e30, scalar = 3.0;
  long i;
  int pass;
  if (!a || !b || !c)
    return 1;
#pragma omp parallel for /* first touch by the threads that use the pages */
  for (i = 0; i < N; ++i) {
    a[i] = 0.0;
    b[i] = 1.0;
    c[i] = 2.0;
  }
  for (pass = 0; pass < PASSES; ++pass) {
    double start = omp_get_wtime(), seconds;
#pragma omp parallel for
    for (i = 0; i < N; ++i)
      a[i] = b[i] + scalar * c[i];
    seconds = omp_get_wtime() - start;
    if (seconds < best)
      best = seconds;
  }
  printf("triad: %.1f GB/s with %d thread(s) (a[0] = %.0f)\n",
         3.0 * sizeof(double) * N / best * 1e-9, omp_get_max_threads(), a[0]);
  free(a);
  free(b);
  free(c);
  return 0;
}
