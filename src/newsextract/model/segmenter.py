"""pkuseg's segmentation with its feature look-ups done on arrays, a whole text at a time.

spacy-pkuseg segments one character at a time: for each character its Cython extractor
builds up to 69 feature strings (the character and its neighbours, the dictionary words
that end, start or surround it) and looks each one up in a ``dict`` of 2.6 M strings,
then sums the features' weights and runs its Viterbi decoder. Building that dict is most
of the model's load time, and the string work is most of its segmentation time.

:class:`TableSegmenter` computes the same features with integer tables instead of strings
(:mod:`newsextract.model.fastload` derives them once from the model's own feature list):

- every character is a *node* (pkuseg first turns ``-._,|/*:`` into ``&``, digits into
  ``**Num`` and full-width letters into ``**Letter``), numbered densely through a
  code point table;
- the words of pkuseg's dictionary that are 2–6 nodes long are the states of a trie, so
  "which word is ``text[s:s+l]``" is found by stepping the trie over the whole text, one
  vectorised hash look-up per length;
- every feature of a template is one integer key (template, nodes or words) in one
  open-addressing hash table, looked up for all positions at once.

The weights are pkuseg's, summed per character in pkuseg's order (so the sums are the
same floating point numbers), and decoding is pkuseg's own ``run_viterbi``; the text
is split into pieces exactly as ``spacy_pkuseg.pkuseg.cut`` splits it, and pkuseg's
post-processor merges the same dictionary words. The result is the same list of
words; ``tests/model/test_segmenter.py`` checks it against spacy-pkuseg itself.
"""

from __future__ import annotations

import itertools
import json
from pathlib import Path
from typing import Any

import numpy as np

from newsextract.model.fastload import _read_lines

# pkuseg's normalised node strings that are not single characters
NUM, LETTER = 0x110000, 0x110001
N_CODES = 0x110002
# Word features look at the words of 2..6 nodes around a character, longest first.
WORD_MIN, WORD_MAX = 2, 6
LENGTHS = tuple(range(WORD_MAX, WORD_MIN - 1, -1))
# Long texts are scored in chunks of CHUNK characters, each with MARGIN characters of
# context on both sides (the furthest a feature looks is 7: the word after the next one).
CHUNK, MARGIN = 4096, 8

# Templates: the low 4 bits of a hash-table key (the payload is above them).
T_TRIE = 0  # (trie state, next node) -> trie state
T_PREV_CUR, T_CUR_NEXT, T_PREV2_PREV = 1, 2, 3  # 'c-1c.', 'cc1.', 'c-2c-1.': (node, node)
T_WW_LEFT, T_WW_RIGHT = 4, 5  # 'ww.l.', 'ww.r.': (word, word)
TEMPLATE_BITS = 4
# Per-node templates, the rows of char_features.npy: 'c.', 'c-1.', 'c1.', 'c-2.', 'c2.'.
CHAR_TEMPLATES = ("c.", "c-1.", "c1.", "c-2.", "c2.")
# Per-word templates, the rows of word_features.npy: 'w-1.', 'w1.'.
WORD_TEMPLATES = ("w-1.", "w1.")

_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # Fibonacci hashing


def _slots(keys: np.ndarray, bits: int) -> np.ndarray:
    with np.errstate(over="ignore"):
        return ((keys.astype(np.uint64) * _MULTIPLIER) >> np.uint64(64 - bits)).astype(np.int64)


def build_hash_table(keys: np.ndarray, values: np.ndarray) -> tuple[np.ndarray, np.ndarray, int]:
    """An open-addressing (linear probing) table of non-negative int64 keys.

    RETURNS (tuple): slot keys (-1 = empty), slot values, and the longest probe.
    """
    keys = np.asarray(keys, dtype=np.int64)
    values = np.asarray(values, dtype=np.int32)
    if len(np.unique(keys)) != len(keys):
        raise ValueError("hash table keys must be unique")
    bits = max(4, int(2 * len(keys) - 1).bit_length())  # load factor <= 1/2
    size = 1 << bits
    slot_keys = np.full(size, -1, dtype=np.int64)
    slot_values = np.full(size, -1, dtype=np.int32)
    home = _slots(keys, bits)
    pending = np.arange(len(keys))
    probe = 0
    while len(pending):
        at = (home[pending] + probe) & (size - 1)
        free = slot_keys[at] == -1
        # of several keys that want the same free slot, the first takes it
        cand, first = np.unique(at[free], return_index=True)
        winners = pending[free][first]
        slot_keys[cand] = keys[winners]
        slot_values[cand] = values[winners]
        placed = np.zeros(len(pending), dtype=bool)
        placed[np.nonzero(free)[0][first]] = True
        pending = pending[~placed]
        if len(pending):
            probe += 1
    return slot_keys, slot_values, probe


def lookup(slot_keys: np.ndarray, slot_values: np.ndarray, max_probe: int, queries: np.ndarray, missing: int = -1) -> np.ndarray:
    """The values of ``queries`` (int64 >= 0) in a :func:`build_hash_table` table, ``missing`` where absent."""
    out = np.full(len(queries), missing, dtype=np.int32)
    size = len(slot_keys)
    index = np.arange(len(queries))
    home = _slots(queries, size.bit_length() - 1)
    q = queries
    for probe in range(max_probe + 1):
        at = (home + probe) & (size - 1)
        found = slot_keys[at]
        hit = found == q
        out[index[hit]] = slot_values[at[hit]]
        go_on = ~hit & (found != -1)
        if not go_on.any():
            break
        index, home, q = index[go_on], home[go_on], q[go_on]
    return out


class TableSegmenter:
    """Segments like ``spacy_pkuseg.pkuseg.cut`` from the tables in a fast-files directory.

    Has the attributes spaCy's Chinese tokenizer uses on a pkuseg object: ``cut``,
    ``preprocesser`` (user dictionary) and ``postprocesser``.
    """

    def __init__(self, directory: str | Path) -> None:
        import spacy_pkuseg
        from spacy_pkuseg.inference import run_viterbi

        d = Path(directory)
        meta = json.loads((d / "meta.json").read_text(encoding="utf-8"))
        def load(name: str) -> np.ndarray:
            # memory-mapped (pages are read when used), as a plain ndarray: indexing a
            # np.memmap costs a Python-level __getitem__ per call
            return np.load(d / f"{name}.npy", mmap_mode="r").view(np.ndarray)

        self.n_tag = int(meta["n_tag"])
        self.n_nodes = int(meta["n_nodes"])
        self.n_tokens = int(meta["n_tokens"])
        self.empty_token, self.no_word_token = int(meta["empty_token"]), int(meta["no_word_token"])
        self.max_probe = int(meta["max_probe"])
        self.node_of_code = load("node_of_code")
        self.char_features = load("char_features")
        self.word_features = load("word_features")
        self.word_of_state = load("word_of_state")
        self.ww_no_word = load("ww_no_word")
        self.slot_keys, self.slot_values = load("slot_keys"), load("slot_values")
        self.absent = int(meta["n_feature"])  # the id of the zero row ending node_weights
        self.node_weights = load("node_weights")
        if self.node_weights.shape != (self.absent + 1, self.n_tag):
            raise ValueError(f"{d}/node_weights.npy has shape {self.node_weights.shape}, meta.json says {self.absent + 1} x {self.n_tag}")
        # pkuseg's getLogYY: edge_score[s_pre, s] = 1 + w[backoff + s * n_tag + s_pre]
        edge = load("edge_weights")
        self.edge_score = np.ascontiguousarray(np.ones((self.n_tag, self.n_tag)) + edge.T)
        tag_to_idx = meta["tag_to_idx"]
        self.is_begin = np.zeros(len(tag_to_idx), dtype=bool)  # pkuseg: a word starts at a "B…" tag
        self.is_begin[[i for t, i in tag_to_idx.items() if "B" in t]] = True
        self.preprocesser = spacy_pkuseg.Preprocesser(meta["user_dict"])
        post = spacy_pkuseg.Postprocesser.__new__(spacy_pkuseg.Postprocesser)
        post.do_process = bool(meta["do_process"])
        post.common_words = set(_read_lines(d / "common_words.txt"))
        post.other_words = set(_read_lines(d / "other_words.txt"))
        self.postprocesser = post
        self._viterbi = run_viterbi  # pkuseg's own decoder

    @property
    def feature_extractor(self) -> Any:
        """spaCy's ``to_disk``/``to_bytes`` save pkuseg's feature dict, which is not here."""
        from newsextract.errors import PipelineNotSerialisableError

        raise PipelineNotSerialisableError()

    model = feature_extractor

    # -- what spaCy calls -------------------------------------------------------------
    def cut(self, txt: str) -> list[str]:
        """The words of ``txt``, as ``spacy_pkuseg.pkuseg.cut(txt)`` returns them."""
        txt = txt.strip()
        if not txt:
            return []
        # Same pieces as pkuseg: whitespace-separated fragments, then user-dictionary words.
        pieces: list[tuple[str, bool]] = []
        user_words = bool(self.preprocesser.trie.children)  # without any, solve() keeps each fragment whole
        for fragment in txt.split():
            if not user_words:
                pieces.append((fragment, False))
                continue
            for part, is_user_word, _tag in zip(*self.preprocesser.solve(fragment)):
                pieces.append((part, is_user_word))
        model_pieces = [p for p, is_user in pieces if not is_user]
        segmented = iter(self._segment(model_pieces)) if model_pieces else iter(())
        words: list[str] = []
        for part, is_user_word in pieces:
            if is_user_word:
                words.append(part)
            else:
                words.extend(self._post_process(next(segmented)))
        return words

    def _post_process(self, sent: list[str]) -> list[str]:
        """``spacy_pkuseg.Postprocesser(sent)`` (merge runs of 7…2 words that form a
        dictionary word), computed per run length over all windows at once.

        pkuseg scans left to right and, after a merge at i, goes on at the first window
        after the merged words; windows that do not overlap a merge see the same words
        either way, so collecting the matching windows first and then taking them left
        to right, skipping those that overlap the previous merge, merges the same words.
        """
        post = self.postprocesser
        if not post.do_process:
            return sent
        common, other, join = post.common_words, post.other_words, "".join
        text = join(sent)  # a window's words joined are a slice of the text
        for m in range(7, 1, -1):
            n = len(sent)
            if n < m:
                continue
            off = [0, *itertools.accumulate(map(len, sent))]
            hits = [i for i in range(n - m + 1) if (w := text[off[i] : off[i + m]]) in common or w in other]
            if not hits:
                continue
            out: list[str] = []
            last = 0
            for i in hits:
                if i < last:
                    continue
                parts = sent[i : i + m]
                merged = join(parts)
                # a word of the "other" list is not merged when its parts are all words
                if merged not in common and all(p in common or p in other for p in parts):
                    continue
                out.extend(sent[last:i])
                out.append(merged)
                last = i + m
            if last:
                out.extend(sent[last:])
                sent = out
        return sent

    # -- the model ----------------------------------------------------------------------
    def _segment(self, pieces: list[str]) -> list[list[str]]:
        text = "".join(pieces)
        lengths = np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces))
        ends = np.cumsum(lengths)
        starts = ends - lengths
        piece_of = np.repeat(np.arange(len(pieces)), lengths)
        scores = self._node_scores(text, starts[piece_of], ends[piece_of])
        out = []
        for piece, a, b in zip(pieces, starts.tolist(), ends.tolist()):
            out.append(self._decode(piece, scores[a:b]))
        return out

    def _decode(self, piece: str, scores: np.ndarray) -> list[str]:
        _, tags = self._viterbi(scores, self.edge_score)
        cuts = np.nonzero(self.is_begin[tags[1:]])[0] + 1
        bounds = [0, *cuts.tolist(), len(piece)]
        return [piece[a:b] for a, b in zip(bounds, bounds[1:])]

    def _node_scores(self, text: str, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        """Per character and tag, the sum of its features' weights (pkuseg's ``node_score``).

        lo, hi: for every position, the bounds of the piece it belongs to.
        """
        n = len(text)
        codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
        node = np.asarray(self.node_of_code[codes], dtype=np.int64)  # -1: a node no feature has
        if n <= CHUNK:
            return self._chunk_scores(node, lo, hi)
        # Bounded memory on long texts: a character's features look at most 7 positions
        # away, so each chunk is computed with MARGIN positions of context on each side.
        out = np.empty((n, self.n_tag))
        for a in range(0, n, CHUNK):
            b = min(n, a + CHUNK)
            a0, b0 = max(0, a - MARGIN), min(n, b + MARGIN)
            part = self._chunk_scores(node[a0:b0], np.maximum(lo[a0:b0], a0) - a0, np.minimum(hi[a0:b0], b0) - a0)
            out[a:b] = part[a - a0 : b - a0]
        return out

    def _chunk_scores(self, node: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
        n = len(node)
        pos = np.arange(n)
        features = [np.zeros(n, dtype=np.int32)]  # '$$': every character has feature 0

        def shifted(values: np.ndarray, by: int, fill: int) -> np.ndarray:
            """values[i + by] where i + by lies in i's piece, else fill."""
            j = pos + by
            ok = (j >= lo) & (j < hi)
            out = np.full(n, fill, dtype=values.dtype)
            out[ok] = values[j[ok]]
            return out

        def char_feature(row: int, by: int) -> np.ndarray:
            nb = shifted(node, by, -1)
            return np.where(nb >= 0, self.char_features[row][nb], absent)

        def pair_feature(template: int, first: np.ndarray, second: np.ndarray) -> np.ndarray:
            ok = (first >= 0) & (second >= 0)
            keys = ((first[ok] * self.n_nodes + second[ok]) << TEMPLATE_BITS) | template
            out = np.full(n, absent, dtype=np.int32)
            out[ok] = self._lookup(keys, absent)
            return out

        absent = self.absent
        prev, next_, prev2 = shifted(node, -1, -1), shifted(node, 1, -1), shifted(node, -2, -1)
        # the order of pkuseg's __get_node_features_idx, so that the weight sums are equal
        features.append(char_feature(0, 0))  # c.
        features.append(char_feature(1, -1))  # c-1.
        features.append(pair_feature(T_PREV_CUR, prev, node))  # c-1c.
        features.append(char_feature(2, 1))  # c1.
        features.append(pair_feature(T_CUR_NEXT, node, next_))  # cc1.
        features.append(char_feature(3, -2))  # c-2.
        features.append(pair_feature(T_PREV2_PREV, prev2, prev))  # c-2c-1.
        features.append(char_feature(4, 2))  # c2.

        words = self._words_starting(node, hi)

        def window(length: int, start_by: int) -> np.ndarray:
            """The token of text[i+start_by : i+start_by+length]: a word, no-word, or the
            empty string when the window leaves the piece (pkuseg's get_slice_str)."""
            s = pos + start_by
            ok = (s >= lo) & (s + length <= hi)
            out = np.full(n, self.empty_token, dtype=np.int64)
            out[ok] = words[length][s[ok]]
            return out

        pre_in = [window(l, 1 - l) for l in LENGTHS]  # the word ending at i
        post_in = [window(l, 0) for l in LENGTHS]  # the word starting at i
        pre_ex = [window(l, -l) for l in LENGTHS]  # the word ending at i-1
        post_ex = [window(l, 1) for l in LENGTHS]  # the word starting at i+1
        for row, toks in ((0, pre_in), (1, post_in)):  # w-1., w1.
            table = self.word_features[row]
            features.extend(table[tok] for tok in toks)
        no_word = self.no_word_token
        pending = []  # word-word pairs, looked up in one call: (slots, positions, keys)
        for side, (template, pres, posts) in enumerate(((T_WW_LEFT, pre_ex, post_in), (T_WW_RIGHT, pre_in, post_ex))):
            # Most windows hold no word: a pair with "no word" on one side is read from a
            # table indexed by the other side; only word-word pairs go to the hash table.
            pre, post = np.stack(pres)[:, None, :], np.stack(posts)[None, :, :]  # (5, 1, n), (1, 5, n)
            first_none, second_none = self.ww_no_word[side]
            pre_none = pre == no_word
            found = np.where(pre_none, first_none[post], second_none[pre])  # (5, 5, n): pre-major, as pkuseg
            found = found.reshape(-1, n)
            both = np.nonzero((~pre_none & (post != no_word)).reshape(-1, n))
            if len(both[0]):
                pre_tok = np.broadcast_to(pre, (len(LENGTHS), len(LENGTHS), n)).reshape(-1, n)[both]
                post_tok = np.broadcast_to(post, (len(LENGTHS), len(LENGTHS), n)).reshape(-1, n)[both]
                pending.append((found, both, ((pre_tok * self.n_tokens + post_tok) << TEMPLATE_BITS) | template))
            features.extend(found)
        if pending:
            values = self._lookup(np.concatenate([keys for *_, keys in pending]), absent)
            at = 0
            for found, both, keys in pending:
                found[both] = values[at : at + len(keys)]
                at += len(keys)

        ids = np.stack(features)  # (slots, n)
        # A character has ~10 of its 69 features: move them to the front, in slot order, so
        # that the weights of fewer rows are gathered.
        present = ids != absent
        rank = np.cumsum(present, axis=0) - 1
        slot, col = np.nonzero(present)
        packed = np.full((int(rank[-1].max()) + 1, n), absent, dtype=np.int32)
        packed[rank[slot, col], col] = ids[slot, col]
        # cumsum adds row after row like pkuseg's loop (an absent feature adds the zero
        # row, which changes no sum); np.sum would add pairwise and round differently.
        return np.ascontiguousarray(np.cumsum(self.node_weights[packed], axis=0)[-1])

    def _words_starting(self, node: np.ndarray, hi: np.ndarray) -> dict[int, np.ndarray]:
        """For each length l, the word token of text[s:s+l] for every start s (no-word where
        it is not a dictionary word or runs past the piece)."""
        n = len(node)
        state = np.zeros(n, dtype=np.int64)  # the trie's root
        alive = np.ones(n, dtype=bool)
        pos = np.arange(n)
        out: dict[int, np.ndarray] = {}
        for length in range(1, WORD_MAX + 1):
            j = pos + length - 1
            alive &= j < hi
            step = np.nonzero(alive)[0]
            nb = node[j[step]]
            known = nb >= 0
            keys = ((state[step[known]] * self.n_nodes + nb[known]) << TEMPLATE_BITS) | T_TRIE
            nxt = np.full(len(step), -1, dtype=np.int64)
            nxt[known] = self._lookup(keys, -1)
            alive[step] = nxt >= 0
            state[step] = np.maximum(nxt, 0)
            if length >= WORD_MIN:
                tok = np.full(n, self.no_word_token, dtype=np.int64)
                live = np.nonzero(alive)[0]
                word = self.word_of_state[state[live]]
                tok[live] = np.where(word >= 0, word, self.no_word_token)
                out[length] = tok
        return out

    def _lookup(self, keys: np.ndarray, missing: int) -> np.ndarray:
        return lookup(self.slot_keys, self.slot_values, self.max_probe, keys, missing)

