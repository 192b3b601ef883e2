/* LeNet compiled with --weights=external: the weights file is given to
 * create. Prints the class, or why create or run failed. */
#include "lenet.h"
#include "npy.h"

#include <stdio.h>

int main(int argc, char **argv) {
  npy_array image;
  lenet_model *model = NULL;
  float p[10];
  int i, best = 0;
  symc_tensor in, out;
  symc_status status;
  if (argc != 3)
    return 2;
  status = lenet_create(&model, argv[1]);
  if (status != SYMC_OK) {
    printf("create: %s: %s\n", symc_status_string(status), lenet_error_message(model));
    lenet_destroy(model);
    return 1;
  }
  if (npy_read(argv[2], &image) != 0)
    return 1;
  in.data = image.data;
  in.dtype = image.dtype;
  in.rank = image.rank;
  in.shape = image.shape;
  in.strides = NULL;
  out.data = p;
  out.dtype = lenet_output_dtypes[0];
  out.rank = lenet_output_ranks[0];
  out.shape = lenet_output_shapes[0];
  out.strides = NULL;
  status = lenet_run(model, &in, 1, &out, 1);
  if (status != SYMC_OK) {
    printf("run: %s: %s\n", symc_status_string(status), lenet_error_message(model));
    return 1;
  }
  for (i = 1; i < 10; ++i)
    if (p[i] > p[best])
      best = i;
  printf("class %d\n", best);
  lenet_destroy(model);
  free(image.data);
  return 0;
}
