"""Turn pkuseg's feature strings into the integer tables of :mod:`newsextract.model.segmenter`.

A pkuseg feature is a template prefix and the normalised text it covers, e.g.
``c-1c.区.委`` (previous and current character) or ``ww.l.区委*书记`` (the word ending
before a character and the word starting at it). This module parses every feature of
the model back into nodes and words and gives it an integer key; pkuseg looks features
up by string equality, so a string that parses in two ways (``*`` also occurs inside
``**Num``) gets a key for each reading.
"""

from __future__ import annotations

from typing import Any

import attrs
import numpy as np

from newsextract.model import segmenter as S

NO_WORD = "**noWord"  # what pkuseg puts in a word slot that holds no dictionary word
_SPECIALS = (("**Num", S.NUM), ("**Letter", S.LETTER))


@attrs.frozen
class Tables:
    """The arrays to save (name -> array) and the sizes for ``meta.json``."""

    arrays: dict[str, np.ndarray]
    sizes: dict[str, int]


def raw_node_codes() -> dict[int, int]:
    """Code point -> node code for the characters pkuseg's normalisation changes."""
    from spacy_pkuseg.feature_extractor import FeatureExtractor as FE

    out = {ord(c): ord("&") for c in FE.keywords}  # keyword_rename comes first
    for c in FE.num:
        out.setdefault(ord(c), S.NUM)
    for c in FE.letter:
        out.setdefault(ord(c), S.LETTER)
    return out


def parse_nodes(text: str, changed: frozenset[int]) -> tuple[int, ...] | None:
    """The node codes whose pkuseg string is ``text``, or None when no input can produce it
    (it holds a character that normalisation always replaces)."""
    out = []
    i = 0
    while i < len(text):
        for name, code in _SPECIALS:
            if text.startswith(name, i):
                out.append(code)
                i += len(name)
                break
        else:
            code = ord(text[i])
            if code in changed:
                return None
            out.append(code)
            i += 1
    return tuple(out)


def derive(feature_to_idx: dict[str, int], unigram: Any, weights: np.ndarray, n_tag: int) -> Tables:
    """All tables for one pkuseg model.

    feature_to_idx (dict[str, int]): pkuseg's feature strings and their indices.
    unigram (Iterable[str]): pkuseg's dictionary words.
    weights (np.ndarray): pkuseg's weight vector (features x tags, then tags x tags).
    n_tag (int): the number of tags.
    """
    n_feature = len(feature_to_idx)
    absent = n_feature  # the id of an all-zero weight row appended to the features'
    if weights.shape != (n_tag * (n_feature + n_tag),):
        raise ValueError(f"pkuseg has {weights.shape} weights for {n_feature} features and {n_tag} tags")
    normalised = raw_node_codes()
    changed = frozenset(normalised)
    if feature_to_idx.get("$$") != 0:
        raise ValueError("pkuseg's fallback feature '$$' is not feature 0")
    words = set(unigram)
    if NO_WORD in words:
        raise ValueError(f"{NO_WORD!r} is a dictionary word; pkuseg's word features would be ambiguous")

    # Tokens: the words of 2..6 nodes, then the empty string (in pkuseg's dictionary, and
    # what a window beyond the text reads), then "no word".
    word_nodes: dict[str, tuple[int, ...]] = {}
    for w in sorted(words):
        nodes = parse_nodes(w, changed)
        if nodes is not None and S.WORD_MIN <= len(nodes) <= S.WORD_MAX:
            word_nodes[w] = nodes
    token = {w: i for i, w in enumerate(word_nodes)}
    no_word_token = len(token) + 1
    if "" in words:  # get_slice_str's "" (a window beyond the text) is then a word
        empty_token = token[""] = len(token)
    else:
        empty_token = no_word_token
    n_tokens = no_word_token + 1
    slot_token = dict(token)
    slot_token[NO_WORD] = no_word_token  # word slots of ww features also hold "no word"

    # Nodes: every node code a feature or a word mentions, numbered densely.
    char_rows: list[list[tuple[int, int]]] = [[] for _ in S.CHAR_TEMPLATES]
    pairs: list[tuple[int, int, int, int]] = []  # (template, node, node, feature)
    word_rows: list[list[tuple[int, int]]] = [[] for _ in S.WORD_TEMPLATES]
    word_pairs: list[tuple[int, int, int, int]] = []  # (template, token, token, feature)
    pair_prefixes = (("c-1c.", S.T_PREV_CUR), ("cc1.", S.T_CUR_NEXT), ("c-2c-1.", S.T_PREV2_PREV))
    ww_prefixes = (("ww.l.", S.T_WW_LEFT), ("ww.r.", S.T_WW_RIGHT))

    def single(text: str) -> int | None:
        nodes = parse_nodes(text, changed)
        return nodes[0] if nodes is not None and len(nodes) == 1 else None

    for feature, idx in feature_to_idx.items():
        for row, prefix in enumerate(S.CHAR_TEMPLATES):
            if feature.startswith(prefix):
                code = single(feature[len(prefix) :])
                if code is not None:
                    char_rows[row].append((code, idx))
        for prefix, template in pair_prefixes:
            if feature.startswith(prefix):
                rest = feature[len(prefix) :]
                for cut in (i for i, ch in enumerate(rest) if ch == "."):
                    a, b = single(rest[:cut]), single(rest[cut + 1 :])
                    if a is not None and b is not None:
                        pairs.append((template, a, b, idx))
        for row, prefix in enumerate(S.WORD_TEMPLATES):
            if feature.startswith(prefix) and feature[len(prefix) :] in token:
                word_rows[row].append((token[feature[len(prefix) :]], idx))
        for prefix, template in ww_prefixes:
            if feature.startswith(prefix):
                rest = feature[len(prefix) :]
                for cut in (i for i, ch in enumerate(rest) if ch == "*"):
                    a, b = slot_token.get(rest[:cut]), slot_token.get(rest[cut + 1 :])
                    if a is not None and b is not None:
                        word_pairs.append((template, a, b, idx))

    codes = {c for row in char_rows for c, _ in row}
    codes.update(c for _, a, b, _ in pairs for c in (a, b))
    codes.update(c for nodes in word_nodes.values() for c in nodes)
    dense = {c: i for i, c in enumerate(sorted(codes))}
    n_nodes = len(dense)

    node_of_code = np.full(0x110000, -1, dtype=np.int32)
    plain = np.array([c for c in dense if c < 0x110000], dtype=np.int64)
    node_of_code[plain] = [dense[c] for c in plain.tolist()]
    for raw, code in normalised.items():  # characters pkuseg normalises read their node
        node_of_code[raw] = dense.get(code, -1)

    char_features = np.full((len(S.CHAR_TEMPLATES), n_nodes), absent, dtype=np.int32)
    for row, entries in enumerate(char_rows):
        for code, idx in entries:
            char_features[row, dense[code]] = idx
    word_features = np.full((len(S.WORD_TEMPLATES), n_tokens), absent, dtype=np.int32)
    for row, entries in enumerate(word_rows):
        for tok, idx in entries:
            word_features[row, tok] = idx

    # The trie of the 2..6-node words: state 0 is the root.
    state_of: dict[tuple[int, ...], int] = {(): 0}
    trie_keys, trie_values = [], []
    word_of_state_list = [-1]
    for w, nodes in word_nodes.items():
        for k in range(1, len(nodes) + 1):
            prefix = nodes[:k]
            if prefix not in state_of:
                state_of[prefix] = len(state_of)
                word_of_state_list.append(-1)
                trie_keys.append(_key(S.T_TRIE, state_of[nodes[: k - 1]], dense[nodes[k - 1]], n_nodes))
                trie_values.append(state_of[prefix])
        word_of_state_list[state_of[nodes]] = token[w]
    keys = trie_keys + [_key(t, dense[a], dense[b], n_nodes) for t, a, b, _ in pairs]
    values = trie_values + [idx for *_, idx in pairs]
    # ww pairs with "no word" on a side: [template side, which side is "no word", other token]
    ww_no_word = np.full((2, 2, n_tokens), absent, dtype=np.int32)
    for t, a, b, idx in word_pairs:
        side = 0 if t == S.T_WW_LEFT else 1
        if a == no_word_token:
            ww_no_word[side, 0, b] = idx
        if b == no_word_token:
            ww_no_word[side, 1, a] = idx
        if a != no_word_token and b != no_word_token:
            keys.append(_key(t, a, b, n_tokens))
            values.append(idx)
    slot_keys, slot_values, max_probe = S.build_hash_table(np.array(keys, dtype=np.int64), np.array(values))
    arrays = {
        "node_of_code": node_of_code,
        "char_features": char_features,
        "word_features": word_features,
        "word_of_state": np.array(word_of_state_list, dtype=np.int32),
        "ww_no_word": ww_no_word,
        "node_weights": np.concatenate([weights[: n_feature * n_tag].reshape(n_feature, n_tag), np.zeros((1, n_tag))]),
        "edge_weights": np.ascontiguousarray(weights[n_feature * n_tag :].reshape(n_tag, n_tag)),
        "slot_keys": slot_keys,
        "slot_values": slot_values,
    }
    sizes = {
        "n_nodes": n_nodes, "n_tokens": n_tokens, "empty_token": empty_token,
        "no_word_token": no_word_token, "max_probe": max_probe,
    }
    return Tables(arrays=arrays, sizes=sizes)


def _key(template: int, first: int, second: int, base: int) -> int:
    return ((first * base + second) << S.TEMPLATE_BITS) | template

