/* Classifies a digit with LeNet compiled ahead of time by sym-compile.
 *
 *   sym-compile ../lenet/lenet-symbol.json --params ../lenet/lenet-0000.params \
 *       --input data=1x1x28x28 --name lenet -o lenet.so
 *   gcc -std=c99 -I. -I../../test/aot main.c ./lenet.so -o classify
 *   ./classify ../lenet/digit.npy
 *
 * Plain C99 against the generated lenet.h; no LLVM, MLIR or Python. */
#include "lenet.h"
#include "npy.h"

#include <stdio.h>

int main(int argc, char **argv) {
  npy_array image;
  lenet_model *model = NULL;
  float probabilities[10];
  int64_t best = 0, i;
  symc_tensor input, output;
  symc_status status;

  if (argc != 2) {
    fprintf(stderr, "usage: %s digit.npy (a 1x1x28x28 float32 image)\n", argv[0]);
    return 2;
  }
  if (npy_read(argv[1], &image) != 0)
    return 1;
  input.data = image.data;
  input.dtype = image.dtype;
  input.rank = image.rank;
  input.shape = image.shape;
  input.strides = NULL;
  output.data = probabilities;
  output.dtype = lenet_output_dtypes[0];
  output.rank = lenet_output_ranks[0];
  output.shape = lenet_output_shapes[0];
  output.strides = NULL;

  if ((status = lenet_create(&model)) != SYMC_OK ||
      (status = lenet_run(model, &input, 1, &output, 1)) != SYMC_OK) {
    fprintf(stderr, "lenet: %s: %s\n", symc_status_string(status),
            lenet_error_message(model));
    lenet_destroy(model);
    free(image.data);
    return 1;
  }
  for (i = 1; i < 10; ++i)
    if (probabilities[i] > probabilities[best])
      best = i;
  printf("class %lld (p = %.4f)\n", (long long)best, probabilities[best]);
  lenet_destroy(model);
  free(image.data);
  return 0;
}
