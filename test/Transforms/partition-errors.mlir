// RUN: not sym-opt %s --sym-partition="backend=tensorrt" 2>&1 | FileCheck %s --check-prefix=UNKNOWN
// RUN: not sym-opt %s --sym-partition="backend=default" 2>&1 | FileCheck %s --check-prefix=NO-OPS
// RUN: not sym-opt %s --sym-partition="backend=default options=op_names=[exp],min_size=2" 2>&1 | FileCheck %s --check-prefix=UNKNOWN-OPTION
// RUN: not sym-opt %s --sym-partition="backend=default options=op_names" 2>&1 | FileCheck %s --check-prefix=NOT-KV
// RUN: not sym-opt %s --sym-partition="backend=default options=op_names=[exp],dedup_subgraph=maybe" 2>&1 | FileCheck %s --check-prefix=BAD-BOOL
// RUN: not sym-opt %s --sym-partition="backend=symc options=min_subgraph_size=-1" 2>&1 | FileCheck %s --check-prefix=BAD-COUNT
// RUN: not sym-opt %s --sym-partition="backend=custom options=subgraph_ids=[a:x]" 2>&1 | FileCheck %s --check-prefix=BAD-ID

// UNKNOWN: error: optimize_for: 'tensorrt' is not a registered subgraph backend (registered: custom, default, default_v2, symc)
// NO-OPS: error: optimize_for: backend 'default' needs the option op_names (the ops its subgraphs contain, e.g. op_names=[FullyConnected,Activation])
// UNKNOWN-OPTION: error: optimize_for: backend 'default' has no option 'min_size' (it takes: op_names, dedup_subgraph)
// NOT-KV: error: optimize_for: option 'op_names' is not of the form key=value
// BAD-BOOL: error: optimize_for: option dedup_subgraph must be True or False, got 'maybe'
// BAD-COUNT: error: optimize_for: option min_subgraph_size must be a non-negative integer, got '-1'
// BAD-ID: error: optimize_for: subgraph_ids entry 'a:x' is not name:id with id >= -1
func.func @main(%x: tensor<4xf32> {sym.name = "x"}) -> tensor<4xf32> {
  %a = sym.exp %x : (tensor<4xf32>) -> tensor<4xf32> loc("a")
  return %a : tensor<4xf32>
}
