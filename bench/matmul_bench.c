/* One n x n x n f32 matmul: symc's compiled `dot` (through its C ABI) and
 * OpenBLAS's cblas_sgemm in the same process on the same inputs. Prints
 * GFLOP/s of both, their ratio and the max |difference|.
 * Built by bench/matmul_bench.py with -DMODEL=<name> -DMODEL_HEADER=...  */
#include MODEL_HEADER

#include <cblas.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#define CAT_(a, b) a##b
#define CAT(a, b) CAT_(a, b)
#define FN(suffix) CAT(MODEL, suffix)

static double now(void) {
  struct timespec t;
  clock_gettime(CLOCK_MONOTONIC, &t);
  return t.tv_sec + t.tv_nsec * 1e-9;
}

int main(int argc, char **argv) {
  int n = atoi(argv[1]), reps, r;
  size_t i, count = (size_t)n * n;
  float *a = malloc(count * 4), *b = malloc(count * 4), *c = malloc(count * 4),
        *ref = malloc(count * 4);
  int64_t shape[2] = {n, n};
  symc_tensor in[2], out;
  FN(_model) *model;
  double t0, symc_s = 1e30, blas_s = 1e30, diff = 0, flops = 2.0 * n * n * n;
  for (i = 0; i < count; ++i) {
    a[i] = (float)((i * 7919) % 1000) / 1000.0f - 0.5f;
    b[i] = (float)((i * 104729) % 1000) / 1000.0f - 0.5f;
  }
  for (i = 0; i < 2; ++i) {
    in[i].dtype = SYMC_FLOAT32;
    in[i].rank = 2;
    in[i].shape = shape;
    in[i].strides = NULL;
  }
  in[0].data = a;
  in[1].data = b;
  out = in[0];
  out.data = c;
  if (FN(_create)(&model) != SYMC_OK)
    return 1;
  reps = n <= 256 ? 200 : n <= 512 ? 40 : 15;
  for (r = 0; r < reps + 1; ++r) { /* the first run warms up */
    t0 = now();
    if (FN(_run)(model, in, 2, &out, 1) != SYMC_OK) {
      fprintf(stderr, "%s\n", FN(_error_message)(model));
      return 1;
    }
    if (r && now() - t0 < symc_s)
      symc_s = now() - t0;
    t0 = now();
    cblas_sgemm(CblasRowMajor, CblasNoTrans, CblasNoTrans, n, n, n, 1.0f, a, n,
                b, n, 0.0f, ref, n);
    if (r && now() - t0 < blas_s)
      blas_s = now() - t0;
  }
  for (i = 0; i < count; ++i)
    if (fabs(c[i] - ref[i]) > diff)
      diff = fabs(c[i] - ref[i]);
  printf("matmul %4d: symc %6.1f GFLOP/s, OpenBLAS %6.1f GFLOP/s, symc/OpenBLAS %.2f, max|diff| %.1e\n",
         n, flops / symc_s * 1e-9, flops / blas_s * 1e-9, blas_s / symc_s, diff);
  FN(_destroy)(model);
  return 0;
}
