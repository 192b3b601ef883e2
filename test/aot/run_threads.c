/* N threads over one compiled model through the native C ABI (lenet.h):
 * half of them share one handle, the others each create their own; every
 * thread runs the model repeatedly, some runs with a wrong input to
 * exercise the error path (which writes the handle's message), and every
 * good output must equal a single-threaded reference. Run under TSan.
 *
 *   run_threads digit.npy */
#include "lenet.h"
#include "npy.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>

enum { kThreads = 8, kRuns = 20 };

static npy_array image;
static float reference[10];
static lenet_model *shared_model;
static int mismatches, failures;
static pthread_mutex_t count_lock = PTHREAD_MUTEX_INITIALIZER;

static symc_status run(lenet_model *model, float *out, int bad) {
  int64_t bad_shape[4] = {1, 1, 28, 27};
  symc_tensor input = {image.data, image.dtype, image.rank,
                       bad ? bad_shape : image.shape, NULL};
  symc_tensor output = {out, lenet_output_dtypes[0], lenet_output_ranks[0],
                        lenet_output_shapes[0], NULL};
  return lenet_run(model, &input, 1, &output, 1);
}

static void *worker(void *arg) {
  long id = (long)arg;
  lenet_model *own = NULL, *model = shared_model;
  float out[10];
  int i;
  if (id % 2 == 1) {
    if (lenet_create(&own) != SYMC_OK)
      return (void *)1;
    model = own;
  }
  for (i = 0; i < kRuns; ++i) {
    int bad = (i % 5 == 4);
    symc_status status = run(model, out, bad);
    pthread_mutex_lock(&count_lock);
    if (bad && status != SYMC_ERROR_INVALID_ARGUMENT)
      ++failures;
    if (!bad && (status != SYMC_OK || memcmp(out, reference, sizeof(out)) != 0))
      ++mismatches;
    pthread_mutex_unlock(&count_lock);
  }
  lenet_destroy(own);
  return NULL;
}

int main(int argc, char **argv) {
  pthread_t threads[kThreads];
  long i;
  if (argc != 2 || npy_read(argv[1], &image) != 0)
    return 2;
  if (lenet_create(&shared_model) != SYMC_OK || run(shared_model, reference, 0) != SYMC_OK)
    return 1;
  for (i = 0; i < kThreads; ++i)
    pthread_create(&threads[i], NULL, worker, (void *)i);
  for (i = 0; i < kThreads; ++i)
    pthread_join(threads[i], NULL);
  printf("%d threads x %d runs (one shared handle, %d own): %d mismatches, "
         "%d unreported errors\n",
         kThreads, kRuns, kThreads / 2, mismatches, failures);
  lenet_destroy(shared_model);
  free(image.data);
  return mismatches || failures;
}
