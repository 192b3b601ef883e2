//===- Graph.cpp - nodes, traversal and values of the mx.sym API ----------===//

#include "Graph.h"

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <cmath>
#include <unordered_set>

using namespace llvm;

namespace symc::detail {

void fail(const Twine &message) { throw MXNetError(message.str()); }

Node::~Node() {
  std::vector<NodePtr> pending;
  auto release = [&](NodePtr &p) {
    if (p && p.use_count() == 1)
      pending.push_back(std::move(p));
  };
  for (NodeEntry &e : inputs)
    release(e.node);
  for (NodePtr &d : controlDeps)
    release(d);
  while (!pending.empty()) {
    NodePtr n = std::move(pending.back());
    pending.pop_back();
    for (NodeEntry &e : n->inputs)
      release(e.node);
    for (NodePtr &d : n->controlDeps)
      release(d);
    // `n` goes here, its uniquely owned inputs already taken over.
  }
}

AttrStrings Node::attrStrings() const {
  AttrStrings strings;
  for (const auto &[key, value] : attrs)
    strings[key] = value;
  return strings;
}

unsigned Node::numOutputs() const {
  if (isVariable())
    return 1;
  return schema ? schema->numOutputs(attrStrings()) : declaredOutputs;
}

unsigned Node::numVisibleOutputs() const {
  if (isVariable())
    return 1;
  return schema ? getNumVisibleOutputs(*schema, attrStrings()) : declaredOutputs;
}

std::vector<std::string> Node::inputNames() const {
  if (!schema) {
    std::vector<std::string> names;
    for (size_t i = 0; i < inputs.size(); ++i)
      names.push_back("arg" + std::to_string(i));
    return names;
  }
  SmallVector<std::string> names = schema->inputNames(attrStrings());
  return {names.begin(), names.end()};
}

std::vector<unsigned> Node::mutableInputs() const {
  // A subgraph node (_CachedOp's FMutateInputs) mutates the inputs that
  // feed its subgraph's mutated variables; input i feeds the subgraph's
  // i-th variable in DFS order.
  if (!schema && subgraphs.size() == 1) {
    std::unordered_set<Node *> mutated;
    dfsVisit(subgraphs.front(), [&](const NodePtr &n) {
      for (unsigned i : n->mutableInputs())
        if (n->inputs[i].node->isVariable())
          mutated.insert(n->inputs[i].node.get());
    });
    std::vector<unsigned> aux;
    unsigned input = 0;
    dfsVisit(subgraphs.front(), [&](const NodePtr &n) {
      if (!n->isVariable())
        return;
      if (mutated.count(n.get()) && input < inputs.size())
        aux.push_back(input);
      ++input;
    });
    return aux;
  }
  if (!schema)
    return {};
  std::vector<unsigned> aux;
  for (unsigned i : schema->auxInputs)
    if (i < inputs.size())
      aux.push_back(i);
  return aux;
}

std::string Node::outputName(unsigned index) const {
  if (isVariable())
    return name;
  // _CachedOp's FListOutputNames: its subgraph's output names, where a head
  // repeating an earlier one is a `_copy` node (CreateForwardGraph).
  if (op == "_CachedOp" && subgraphs.size() == 1 &&
      index < subgraphs.front().size()) {
    const std::vector<NodeEntry> &heads = subgraphs.front();
    const NodeEntry &head = heads[index];
    auto earlier = std::count_if(heads.begin(), heads.begin() + index,
                                 [&](const NodeEntry &e) {
                                   return e.node == head.node &&
                                          e.index == head.index;
                                 });
    if (earlier)
      return name + "_" + head.node->name + "_copy" +
             std::to_string(earlier - 1) + "_output";
    return name + "_" + head.node->outputName(head.index);
  }
  return getOutputName(schema, name, numOutputs(), index);
}

NodePtr makeVariable(const std::string &name) {
  auto node = std::make_shared<Node>();
  node->name = name;
  return node;
}

void dfsVisit(const std::vector<NodeEntry> &heads,
              function_ref<void(const NodePtr &)> visit) {
  std::unordered_set<Node *> seen;
  // (node, index of the next input or control dependency to descend into)
  std::vector<std::pair<NodePtr, size_t>> stack;
  for (const NodeEntry &head : heads) {
    if (!head.node || !seen.insert(head.node.get()).second)
      continue;
    stack.push_back({head.node, 0});
    while (!stack.empty()) {
      auto &[node, next] = stack.back();
      size_t numEdges = node->inputs.size() + node->controlDeps.size();
      if (next == numEdges) {
        NodePtr done = node;
        stack.pop_back();
        visit(done);
        continue;
      }
      size_t edge = next++;
      NodePtr child = edge < node->inputs.size()
                          ? node->inputs[edge].node
                          : node->controlDeps[edge - node->inputs.size()];
      if (child && seen.insert(child.get()).second)
        stack.push_back({child, 0});
    }
  }
}

std::vector<NodePtr> topoOrder(const std::vector<NodeEntry> &heads) {
  std::vector<NodePtr> order;
  dfsVisit(heads, [&](const NodePtr &n) { order.push_back(n); });
  return order;
}

std::string pythonFloatRepr(double value) {
  if (std::isnan(value))
    return "nan";
  if (std::isinf(value))
    return value < 0 ? "-inf" : "inf";
  // The shortest digits that read back as `value`, as d.ddde[+-]x.
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof(buf), value,
                           std::chars_format::scientific);
  std::string sci(buf, res.ptr);
  bool negative = sci[0] == '-';
  if (negative)
    sci.erase(0, 1);
  size_t e = sci.find('e');
  int exponent = std::stoi(sci.substr(e + 1));
  std::string digits = sci.substr(0, e);
  digits.erase(std::remove(digits.begin(), digits.end(), '.'), digits.end());
  std::string out;
  // float_repr_style 'r': positional for 1e-4 <= |x| < 1e16.
  if (exponent >= -4 && exponent < 16) {
    if (exponent < 0) {
      out = "0." + std::string(-exponent - 1, '0') + digits;
    } else if ((int)digits.size() <= exponent + 1) {
      out = digits + std::string(exponent + 1 - digits.size(), '0') + ".0";
    } else {
      out = digits.substr(0, exponent + 1) + "." + digits.substr(exponent + 1);
    }
  } else {
    out = digits.substr(0, 1);
    if (digits.size() > 1)
      out += "." + digits.substr(1);
    char exp[16];
    std::snprintf(exp, sizeof(exp), "e%c%02d", exponent < 0 ? '-' : '+',
                  std::abs(exponent));
    out += exp;
  }
  return negative ? "-" + out : out;
}

std::vector<NodeEntry> removeAmpCast(const std::vector<NodeEntry> &heads) {
  dfsVisit(heads, [](const NodePtr &n) {
    for (NodeEntry &e : n->inputs) {
      if (e.node->op == "amp_cast" && !e.node->inputs.empty())
        e = NodeEntry(e.node->inputs[0]);
      else if (e.node->op == "amp_multicast" && e.index < e.node->inputs.size())
        e = NodeEntry(e.node->inputs[e.index]);
    }
  });
  return heads;
}

} // namespace symc::detail
