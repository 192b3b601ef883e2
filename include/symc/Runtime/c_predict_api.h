/*===- c_predict_api.h - MXNet's C predict API, as symc implements it -*- C -*-===//
 *
 * The declarations of MXNet 1.x's include/mxnet/c_predict_api.h that
 * programs use to run a model: a library built by
 *   sym-compile model-symbol.json --params model-0000.params \
 *       --input data=1x3x224x224 --c-predict-api -o libmodel.so
 * implements them for that model, so that a program written against
 * MXNet's header builds against this one and that library unchanged.
 * The graph is compiled into the library (MXPredCreate's JSON is not
 * re-read); the weights come from MXPredCreate's param_bytes; input shapes
 * must be the compiled ones. Every call returns 0 or -1 with
 * MXGetLastError() saying why (per thread).
 *
 *===----------------------------------------------------------------------===*/

#ifndef MXNET_C_PREDICT_API_H_
#define MXNET_C_PREDICT_API_H_

#ifdef __cplusplus
#define MXNET_EXTERN_C extern "C"
#else
#define MXNET_EXTERN_C
#endif

#define MXNET_DLL MXNET_EXTERN_C

typedef unsigned int mx_uint;
typedef float mx_float;
typedef void *PredictorHandle;
typedef void *NDListHandle;

MXNET_DLL const char *MXGetLastError(void);

MXNET_DLL int MXPredCreate(const char *symbol_json_str, const void *param_bytes,
                           int param_size, int dev_type, int dev_id,
                           mx_uint num_input_nodes, const char **input_keys,
                           const mx_uint *input_shape_indptr,
                           const mx_uint *input_shape_data, PredictorHandle *out);

MXNET_DLL int MXPredReshape(mx_uint num_input_nodes, const char **input_keys,
                            const mx_uint *input_shape_indptr,
                            const mx_uint *input_shape_data,
                            PredictorHandle handle, PredictorHandle *out);

MXNET_DLL int MXPredGetOutputShape(PredictorHandle handle, mx_uint index,
                                   mx_uint **shape_data, mx_uint *shape_ndim);

MXNET_DLL int MXPredSetInput(PredictorHandle handle, const char *key,
                             const mx_float *data, mx_uint size);

MXNET_DLL int MXPredForward(PredictorHandle handle);

MXNET_DLL int MXPredPartialForward(PredictorHandle handle, int step,
                                   int *step_left);

MXNET_DLL int MXPredGetOutput(PredictorHandle handle, mx_uint index,
                              mx_float *data, mx_uint size);

MXNET_DLL int MXPredFree(PredictorHandle handle);

#endif /* MXNET_C_PREDICT_API_H_ */
