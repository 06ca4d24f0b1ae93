// Graphone n-gram model and beam decoder for the `names` transliteration scheme (no ICU).
//
// The model file ("TKGM v1", see Scripts/train-translit) is parsed once into flat arrays:
// graphone sides in one byte pool, back-off weights and states, and the n-gram entries
// grouped by state (CSR rows sorted by graphone, looked up by binary search; the unigram row
// is a dense array), plus per direction a key table (each state's row regrouped by the
// candidate list a graphone belongs to, with per-list bounds). The decoder is the
// position-synchronous beam search of the Swift reference: the same pushes with the same
// float operations, each ranked by its place in the reference's push order, so the same
// n-best and scores; it skips only pushes that an exact upper bound shows would be turned
// away (see "Expanding a hypothesis" below). It works in a per-thread scratch space that is
// reused, so a decode allocates nothing once the scratch space has grown.
#include "cicu_graphone.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
#include <mutex>
#include <new>
#include <vector>

namespace {

struct Entry {
  uint32_t g;
  float lp;
  uint32_t next;
};

struct Hyp {
  uint32_t state;
  float score;
  uint64_t hash;     // of the output so far
  uint64_t rank;     // place in the reference's push order (ties: lower first)
  uint64_t origin;   // rank when pushed, for the final tie-break (the reference's node order)
  int32_t parent;    // path node of the hypothesis extended
  int32_t g;         // graphone taken
  int32_t node;      // own path node once extended (-1 at the start, -2 not yet made)
  bool after_empty;
};

struct Group {
  uint64_t hash;
  float score;
  float best;
  uint64_t origin;
  int32_t node;
};

constexpr uint64_t kFNVOffset = 1469598103934665603ULL;
constexpr uint64_t kFNVPrime = 1099511628211ULL;
// Score width of a position's bucket (natural log): a hypothesis more than this below the
// best one there is dropped. 8 measured the same n-best accuracy as 12 on the held-out slice
// (both directions) at a third fewer instructions Latin -> Hebrew; 6 lost 0.8 points top-5.
constexpr float kWidth = 8;
constexpr int kUnits = 45;
// Dense index of a Latin chunk of 1-3 letters: 26 + 26^2 + 26^3 slots.
constexpr int kLatinChunks = 26 + 26 * 26 + 26 * 26 * 26;
// Rows with more entries than this get a direct index (binary search below it).
constexpr uint32_t kDenseRow = 16;
// At most this many direct-index cells (uint16 each) for a model.
constexpr size_t kDenseCells = (size_t)32 << 20;

inline float log_add(float a, float b) {
  if (a == -std::numeric_limits<float>::infinity()) return b;
  if (b == -std::numeric_limits<float>::infinity()) return a;
  float m = b >= a ? b : a;   // Swift.max
  float lo = b < a ? b : a;   // Swift.min
  return m + log1pf(expf(lo - m));
}

struct Reader {
  const uint8_t *p;
  int64_t left;
  bool u8(uint8_t &v) {
    if (left < 1) return false;
    v = *p++;
    left--;
    return true;
  }
  bool u32(uint32_t &v) {
    if (left < 4) return false;
    v = (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
    p += 4;
    left -= 4;
    return true;
  }
  bool f32(float &v) {
    uint32_t u;
    if (!u32(u)) return false;
    std::memcpy(&v, &u, 4);
    return true;
  }
};

}  // namespace

struct cicu_gmodel {
  uint64_t id = 0;  // unique per opened model (keys per-thread caches)
  uint32_t order = 0, g_count = 0, s_count = 0, start = 0;
  uint32_t max_side = 1;
  std::vector<uint32_t> heb_off, lat_off;  // g_count + 1 offsets into pool
  std::vector<uint8_t> pool;
  std::vector<float> bw;
  std::vector<uint32_t> bs;
  std::vector<uint32_t> row;  // s_count + 1
  std::vector<Entry> entries;
  // Rows longer than kDenseRow also get a direct index: dense_slot[s] (or -1) selects
  // g_count uint16 entries, dense[dense_slot[s] * g_count + g] = 1 + position in the row.
  std::vector<int32_t> dense_slot;
  std::vector<uint16_t> dense;
  std::vector<float> uni_lp;
  std::vector<uint32_t> uni_next;
  std::vector<uint8_t> uni_has;
  std::vector<uint32_t> unit_off;  // kUnits + 1
  std::vector<int32_t> unit_list;
  std::vector<uint32_t> latin_off;  // kLatinChunks + 1
  std::vector<int32_t> latin_list;
  std::vector<int32_t> empty_list;
  // Exact pruning. A graphone's key names the candidate lists it can be in: Hebrew → Latin,
  // its first Hebrew unit (+ kUnits when its Hebrew side is longer than one unit); Latin →
  // Hebrew, the dense index of its Latin chunk of 1-3 letters, or kLatinChunks for no letter
  // (-1: in no list). A key table
  // holds, per state, the state's row regrouped by key: for each key present (sorted), the
  // best log-probability among its entries and the entries (first of equal graphones only),
  // so a decode step reads only the row entries of the lists it extends by, and the best
  // unigram step value per key.
  struct KeyRange {
    uint32_t key;
    float best;
    uint32_t begin;  // into entries; the next range's begin ends it (a sentinel at the end)
  };
  struct KeyTable {
    std::vector<uint32_t> off;  // s_count + 1, into ranges
    std::vector<KeyRange> ranges;
    std::vector<Entry> entries;
    std::vector<float> uni;
  };
  std::vector<int32_t> heb_key, lat_key;
  // Made on the first decode in each direction (a process mostly decodes one way).
  KeyTable heb_table, lat_table;
  std::once_flag heb_once, lat_once;
  // A graphone's place in its unit list (Hebrew → Latin) and in its chunk's list or the
  // letter-less list (Latin → Hebrew), or -1; parallel to those lists, the best unigram step
  // value from that place to the end of the list (one-unit and longer Hebrew sides apart).
  std::vector<int32_t> unit_pos, latin_pos;
  std::vector<float> unit_suffix_one, unit_suffix_long, latin_suffix, empty_suffix;
  uint32_t max_latin_list = 0;
  // Ranks are expansion * rank_stride + place of the graphone among those tried.
  uint64_t rank_stride = 1;

  const uint8_t *heb(uint32_t g) const { return pool.data() + heb_off[g]; }
  uint32_t heb_len(uint32_t g) const { return lat_off[g] - heb_off[g]; }
  const uint8_t *lat(uint32_t g) const { return pool.data() + lat_off[g]; }
  uint32_t lat_len(uint32_t g) const { return heb_off[g + 1] - lat_off[g]; }
  float uni(int32_t g) const { return uni_has[g] ? uni_lp[g] : -100.0f; }
};

namespace {

/// The back-off chain of one state: the states tried in turn and the back-off weight
/// accumulated before each (as the reference adds them, in order). The short rows at the top
/// of the chain (up to the first long one) are spread out once per hypothesis into arrays
/// indexed by graphone (`value`, `next_state`, valid where `stamp` is the current `epoch`);
/// a step looks there first and goes on with the rows below.
struct Chain {
  struct Level {
    uint32_t lo, hi;         // the state's row
    const uint16_t *direct;  // its direct index, if any
    float acc;               // back-off weight added before it
  };
  struct Spread {
    uint32_t stamp;  // valid when equal to epoch
    float value;
    uint32_t next;
  };
  std::vector<Level> levels;
  size_t depth = 0;     // levels in use
  float acc0 = 0;       // at the unigram state
  size_t resolved = 0;  // levels spread into `spread`
  uint32_t epoch = 0;
  std::vector<Spread> spread;

  void build(const cicu_gmodel &m, uint32_t s) {
    depth = 0;
    float a = 0;
    while (s != 0) {
      if (depth == levels.size()) levels.resize(depth * 2 + 8);
      int32_t slot = m.dense_slot[s];
      levels[depth++] = Level{m.row[s], m.row[s + 1],
                              slot < 0 ? nullptr : m.dense.data() + (size_t)slot * m.g_count, a};
      a += m.bw[s];
      s = m.bs[s];
    }
    acc0 = a;
    if (spread.size() != m.g_count) {  // first use on this thread, or another model
      spread.assign(m.g_count, Spread{0, 0, 0});
      epoch = 0;
    }
    if (++epoch == 0) {
      for (Spread &x : spread) x.stamp = 0;
      epoch = 1;
    }
    const Entry *e = m.entries.data();
    Spread *sp = spread.data();
    resolved = 0;
    while (resolved < depth && !levels[resolved].direct &&
           levels[resolved].hi - levels[resolved].lo <= kDenseRow) {
      // The first of equal graphones in a row wins, and a higher level over a lower one.
      const Level &l = levels[resolved];
      for (uint32_t i = l.lo; i < l.hi; i++) {
        Spread &x = sp[e[i].g];
        if (x.stamp == epoch) continue;
        x = Spread{epoch, l.acc + e[i].lp, e[i].next};
      }
      resolved++;
    }
  }

  __attribute__((always_inline)) inline float step(const cicu_gmodel &m, uint32_t g, uint32_t &next) const {
    const Spread &x = spread[g];
    if (x.stamp == epoch) {
      next = x.next;
      return x.value;
    }
    const Entry *e = m.entries.data();
    for (size_t k = resolved; k < depth; k++) {
      const Level &l = levels[k];
      if (const uint16_t *d = l.direct) {
        uint16_t i = d[g];
        if (i) {
          const Entry &y = e[l.lo + i - 1];
          next = y.next;
          return l.acc + y.lp;
        }
        continue;
      }
      uint32_t a = l.lo, b = l.hi;
      // Lower bound of g in the row.
      while (a < b) {
        uint32_t mid = (a + b) >> 1;
        if (e[mid].g < g) a = mid + 1; else b = mid;
      }
      if (a < l.hi && e[a].g == g) {
        next = e[a].next;
        return l.acc + e[a].lp;
      }
    }
    if (m.uni_has[g]) {
      next = m.uni_next[g];
      return acc0 + m.uni_lp[g];
    }
    next = 0;
    return acc0 - 30;
  }
};

struct Workspace {
  // Bucket `pos` keeps its best hypotheses in top[pos * beam ...], `count[pos]` of them.
  std::vector<Hyp> top;
  std::vector<int32_t> count;
  std::vector<uint64_t> keys_seen;  // per bucket, for `offer`
  std::vector<float> best;
  std::vector<int32_t> parent, graph;  // path nodes of expanded hypotheses
  std::vector<Hyp> hyps;
  std::vector<Group> groups;
  std::vector<int32_t> path;
  // Hebrew → Latin: the graphones that fit at the current position, each with its Hebrew length.
  std::vector<int32_t> cand;
  Chain chain;
  // Latin → Hebrew: per state, the best score of a letter-less graphone after it (NaN until
  // first needed), for the model `bound_model`.
  uint64_t bound_model = 0;
  std::vector<float> empty_bound;
  // Per expanded hypothesis: graphones already found in a row of its back-off chain (valid
  // where equal to `seen_epoch`), and per level of the chain the weight added before it and
  // the key ranges of the lists extended by (index into the key table's ranges, or -1).
  uint64_t seen_model = 0;
  uint32_t seen_epoch = 0;
  std::vector<uint32_t> seen;
  std::vector<float> level_acc;
  std::vector<int64_t> level_range;
  // Key ranges of states with long range lists, for the keys of the current walk set (valid
  // where `stamp` equals `walk_stamp`): hypotheses at one position share their low-order
  // back-off states.
  struct Memo {
    uint32_t state, stamp;
    int64_t range[3];
  };
  static constexpr uint32_t kMemo = 4096;
  uint32_t walk_stamp = 0;
  std::vector<Memo> memo;
};

thread_local Workspace tls;

/// Whether a hypothesis of score `score` and rank `rank` comes before `b` in the reference's
/// order (higher score first; equal scores in push order).
inline bool before(float score, uint64_t rank, const Hyp &b) {
  return score > b.score || (score == b.score && rank < b.rank);
}

/// The reference's prune, done incrementally: a bucket holds the best `beam` hypotheses
/// pushed so far (best first; equal scores in push order) with no two of the same state and
/// output. A hypothesis that does not beat the last of a full bucket can never come back
/// into it (the last only gets better), and one of the same state and output as a kept one
/// only replaces it when it comes before it (the earlier push wins a tie, as in a stable
/// sort). So the kept set is the reference's sorted, de-duplicated, cut bucket, without
/// storing or sorting the rest. The order is (score, rank) with ranks in the reference's push
/// order, so the kept set does not depend on the order of the calls: the decoder may offer
/// one hypothesis's extensions in any order.
/// `seen` has bit `key_bit` of every hypothesis offered into the bucket since it was last
/// emptied: without the bit, no kept one can have x's state and output.
inline uint64_t key_bit(const Hyp &x) {
  return 1ULL << ((x.hash ^ (uint64_t)x.state * 0x9E3779B97F4A7C15ULL) >> 58);
}

inline void offer(Hyp *items, int32_t &n, int32_t beam, uint64_t &seen, const Hyp &x) {
  int32_t j = -1;
  uint64_t bit = key_bit(x);
  if (seen & bit) {
    for (int32_t i = 0; i < n; i++)
      if (items[i].hash == x.hash && items[i].state == x.state) { j = i; break; }
  }
  seen |= bit;
  if (j >= 0) {
    if (!before(x.score, x.rank, items[j])) return;
  } else if (n == beam) {
    j = n - 1;  // the last one makes room (x comes before it: checked by the caller)
  } else {
    j = n++;
  }
  // x goes before the first kept hypothesis it comes before; slots up to j shift down.
  int32_t at = j;
  while (at > 0 && before(x.score, x.rank, items[at - 1])) {
    items[at] = items[at - 1];
    at--;
  }
  items[at] = x;
}

/// The hypotheses of a bucket at or above `threshold` (a prefix: the bucket is sorted).
inline void take(const Hyp *items, int32_t n, float threshold, std::vector<Hyp> &out) {
  out.clear();
  for (int32_t i = 0; i < n && items[i].score >= threshold; i++) out.push_back(items[i]);
}

/// A log-probability or back-off weight the decoder can add up without overflow or NaN
/// (a damaged file can hold anything).
inline bool plausible(float x) { return x >= -1e6f && x <= 1e6f; }

bool backoff_acyclic(const std::vector<uint32_t> &bs) {
  size_t n = bs.size();
  bool simple = true;
  for (size_t s = 1; s < n; s++)
    if (bs[s] >= s) { simple = false; break; }
  if (simple) return true;
  // 0 = unknown, 1 = on the current walk, 2 = reaches state 0.
  std::vector<uint8_t> mark(n, 0);
  std::vector<uint32_t> walk;
  if (n) mark[0] = 2;
  for (size_t s0 = 1; s0 < n; s0++) {
    walk.clear();
    uint32_t s = (uint32_t)s0;
    while (mark[s] == 0) {
      mark[s] = 1;
      walk.push_back(s);
      s = bs[s];
    }
    if (mark[s] == 1) return false;
    for (uint32_t w : walk) mark[w] = 2;
  }
  return true;
}

/// Dense index of the Latin chunk `l` (1-3 letters a-z), or -1.
inline int32_t chunk_slot(const uint8_t *l, uint32_t len) {
  if (len < 1 || len > 3) return -1;
  int idx = 0, base = 0, span = 1;
  for (uint32_t i = 0; i < len; i++) {
    idx = idx * 26 + (l[i] - 'a');
    base += span;
    span *= 26;
  }
  return base - 1 + idx;
}

/// The key table (see `cicu_gmodel`) of the graphone keys `key`.
void build_key_table(const cicu_gmodel &m, const std::vector<int32_t> &key, size_t keys,
                     cicu_gmodel::KeyTable &t) {
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  const int32_t *kof = key.data();
  t.uni.assign(keys, kNone);
  for (uint32_t g = 2; g < m.g_count; g++) {
    // What a step gives at the unigram level (its value without the back-off weights).
    if (kof[g] >= 0) t.uni[kof[g]] = std::max(t.uni[kof[g]], m.uni_has[g] ? m.uni_lp[g] : -30.0f);
  }
  const Entry *all = m.entries.data();
  t.off.assign((size_t)m.s_count + 1, 0);
  t.entries.resize(m.entries.size());
  t.ranges.resize(m.entries.size() + 1);
  Entry *out = t.entries.data();
  cicu_gmodel::KeyRange *ranges = t.ranges.data();
  uint32_t ne = 0, nr = 0;
  std::vector<uint64_t> row;  // key << 32 | entry index: by key, then graphone
  for (uint32_t s = 1; s < m.s_count; s++) {
    uint32_t lo = m.row[s], hi = m.row[s + 1];
    if (hi - lo == 1) {
      const Entry &e = all[lo];
      if (kof[e.g] >= 0) {
        ranges[nr++] = {(uint32_t)kof[e.g], e.lp, ne};
        out[ne++] = e;
      }
    } else if (hi > lo) {
      row.clear();
      for (uint32_t i = lo; i < hi; i++) {
        // Rows are sorted by graphone; the first of equal ones is the one a step finds.
        if (i > lo && all[i - 1].g == all[i].g) continue;
        if (kof[all[i].g] >= 0) row.push_back((uint64_t)(uint32_t)kof[all[i].g] << 32 | i);
      }
      if (!std::is_sorted(row.begin(), row.end())) std::sort(row.begin(), row.end());
      uint32_t first = nr;
      for (uint64_t x : row) {
        uint32_t k = (uint32_t)(x >> 32);
        const Entry &e = all[(uint32_t)x];
        if (nr == first || ranges[nr - 1].key != k) ranges[nr++] = {k, kNone, ne};
        ranges[nr - 1].best = std::max(ranges[nr - 1].best, e.lp);
        out[ne++] = e;
      }
    }
    t.off[s + 1] = nr;
  }
  ranges[nr++] = {UINT32_MAX, kNone, ne};  // sentinel
  t.ranges.resize(nr);
  t.entries.resize(ne);
}

/// The key table of one direction, made on first use.
const cicu_gmodel::KeyTable &key_table(const cicu_gmodel &cm, bool to_latin) {
  // Written once under the once flag, read only after it.
  cicu_gmodel &m = const_cast<cicu_gmodel &>(cm);
  if (to_latin) {
    std::call_once(m.heb_once, [&m] { build_key_table(m, m.heb_key, 2 * kUnits, m.heb_table); });
    return m.heb_table;
  }
  std::call_once(m.lat_once, [&m] { build_key_table(m, m.lat_key, kLatinChunks + 1, m.lat_table); });
  return m.lat_table;
}

void build_bounds(cicu_gmodel &m) {
  m.heb_key.assign(m.g_count, -1);
  m.lat_key.assign(m.g_count, -1);
  for (uint32_t g = 2; g < m.g_count; g++) {
    m.heb_key[g] = *m.heb(g) + (m.heb_len(g) > 1 ? kUnits : 0);
    m.lat_key[g] = m.lat_len(g) == 0 ? kLatinChunks : chunk_slot(m.lat(g), m.lat_len(g));
  }
  constexpr float kNone = -std::numeric_limits<float>::infinity();
  auto uni_step = [&m](int32_t g) { return m.uni_has[g] ? m.uni_lp[g] : -30.0f; };
  m.unit_pos.assign(m.g_count, -1);
  m.latin_pos.assign(m.g_count, -1);
  m.unit_suffix_one.assign(m.unit_list.size(), kNone);
  m.unit_suffix_long.assign(m.unit_list.size(), kNone);
  uint64_t widest = m.empty_list.size();
  for (int u = 0; u < kUnits; u++) {
    float one = kNone, lng = kNone;
    widest = std::max<uint64_t>(widest, m.unit_off[u + 1] - m.unit_off[u]);
    for (uint32_t j = m.unit_off[u + 1]; j-- > m.unit_off[u];) {
      int32_t g = m.unit_list[j];
      m.unit_pos[g] = (int32_t)(j - m.unit_off[u]);
      if (m.heb_len((uint32_t)g) > 1) lng = std::max(lng, uni_step(g)); else one = std::max(one, uni_step(g));
      m.unit_suffix_one[j] = one;
      m.unit_suffix_long[j] = lng;
    }
  }
  m.latin_suffix.assign(m.latin_list.size(), kNone);
  for (int c = 0; c < kLatinChunks; c++) {
    float b = kNone;
    m.max_latin_list = std::max(m.max_latin_list, m.latin_off[c + 1] - m.latin_off[c]);
    for (uint32_t j = m.latin_off[c + 1]; j-- > m.latin_off[c];) {
      m.latin_pos[m.latin_list[j]] = (int32_t)(j - m.latin_off[c]);
      b = std::max(b, uni_step(m.latin_list[j]));
      m.latin_suffix[j] = b;
    }
  }
  m.empty_suffix.assign(m.empty_list.size(), kNone);
  {
    float b = kNone;
    for (size_t j = m.empty_list.size(); j-- > 0;) {
      m.latin_pos[m.empty_list[j]] = (int32_t)j;
      b = std::max(b, uni_step(m.empty_list[j]));
      m.empty_suffix[j] = b;
    }
  }
  widest = std::max<uint64_t>(widest, 3 * (uint64_t)m.max_latin_list);
  m.rank_stride = widest + 1;
}

cicu_gmodel_error parse(cicu_gmodel &m, const uint8_t *bytes, int64_t len, int32_t per_unit,
                        int32_t per_latin) {
  if (len <= 28 || std::memcmp(bytes, "TKGM", 4) != 0) return CICU_GMODEL_NOT_TKGM;
  Reader r{bytes + 4, len - 4};
  uint32_t version, e_count;
  r.u32(version);
  if (version != 1) return CICU_GMODEL_BAD_VERSION;
  r.u32(m.order);
  r.u32(m.g_count);
  r.u32(m.s_count);
  r.u32(e_count);
  r.u32(m.start);
  // Every graphone takes 2 bytes or more, a state 8, an entry 16.
  if ((int64_t)m.g_count * 2 > r.left) return CICU_GMODEL_TRUNCATED;
  m.heb_off.resize((size_t)m.g_count + 1);
  m.lat_off.resize(m.g_count);
  m.pool.reserve((size_t)m.g_count * 4);
  for (uint32_t g = 0; g < m.g_count; g++) {
    uint8_t hn, ln;
    m.heb_off[g] = (uint32_t)m.pool.size();
    if (!r.u8(hn) || r.left < hn) return CICU_GMODEL_TRUNCATED;
    m.pool.insert(m.pool.end(), r.p, r.p + hn);
    r.p += hn;
    r.left -= hn;
    m.lat_off[g] = (uint32_t)m.pool.size();
    if (!r.u8(ln) || r.left < ln) return CICU_GMODEL_TRUNCATED;
    m.pool.insert(m.pool.end(), r.p, r.p + ln);
    r.p += ln;
    r.left -= ln;
    if (hn > m.max_side) m.max_side = hn;
    if (ln > m.max_side) m.max_side = ln;
  }
  m.heb_off[m.g_count] = (uint32_t)m.pool.size();
  if ((int64_t)m.s_count * 8 > r.left) return CICU_GMODEL_TRUNCATED;
  m.bw.resize(m.s_count);
  m.bs.resize(m.s_count);
  for (uint32_t s = 0; s < m.s_count; s++) {
    r.f32(m.bw[s]);
    r.u32(m.bs[s]);
    if (m.bs[s] >= m.s_count || !plausible(m.bw[s])) return CICU_GMODEL_BAD_BACKOFF;
  }
  if ((int64_t)e_count * 16 > r.left) return CICU_GMODEL_TRUNCATED;
  const uint8_t *first = r.p;
  // One pass that validates, counts and (while the file is grouped by state, as
  // Scripts/train-translit writes it) copies; otherwise a stable counting sort by state.
  m.row.assign((size_t)m.s_count + 1, 0);
  m.entries.reserve(e_count);
  bool by_state = true;
  uint32_t last = 0;
  for (uint32_t i = 0; i < e_count; i++) {
    uint32_t s;
    Entry e;
    r.u32(s);
    r.u32(e.g);
    r.f32(e.lp);
    r.u32(e.next);
    if (s >= m.s_count || e.g >= m.g_count || e.next >= m.s_count || !plausible(e.lp))
      return CICU_GMODEL_BAD_ENTRY;
    m.row[s + 1]++;
    if (s < last) by_state = false;
    last = s;
    if (by_state) m.entries.push_back(e);
  }
  if (m.start >= m.s_count) return CICU_GMODEL_BAD_START;
  if (!backoff_acyclic(m.bs)) return CICU_GMODEL_BAD_BACKOFF;
  for (uint32_t s = 0; s < m.s_count; s++) m.row[s + 1] += m.row[s];
  if (!by_state) {
    m.entries.resize(e_count);  // every slot is written below
    std::vector<uint32_t> fill(m.row.begin(), m.row.end() - 1);
    Reader q{first, (int64_t)e_count * 16};
    for (uint32_t i = 0; i < e_count; i++) {
      uint32_t s;
      Entry e;
      q.u32(s);
      q.u32(e.g);
      q.f32(e.lp);
      q.u32(e.next);
      m.entries[fill[s]++] = e;
    }
  }
  // Rows sorted by graphone; the first of equal graphones (in file order) is the one found.
  for (uint32_t s = 0; s < m.s_count; s++) {
    Entry *a = m.entries.data() + m.row[s], *b = m.entries.data() + m.row[s + 1];
    bool sorted = true;
    for (Entry *p = a + 1; p < b; p++)
      if (p[-1].g > p->g) { sorted = false; break; }
    if (!sorted)
      std::stable_sort(a, b, [](const Entry &x, const Entry &y) { return x.g < y.g; });
  }
  // Direct index of long rows (first of equal graphones), while the budget lasts.
  m.dense_slot.assign(m.s_count, -1);
  if (m.g_count <= 0xFFFF) {
    size_t slots = 0;
    for (uint32_t s = 1; s < m.s_count; s++) {
      uint32_t size = m.row[s + 1] - m.row[s];
      if (size <= kDenseRow || size > 0xFFFE) continue;
      if ((slots + 1) * m.g_count > kDenseCells) break;
      m.dense_slot[s] = (int32_t)slots++;
    }
    m.dense.assign(slots * m.g_count, 0);
    for (uint32_t s = 1; s < m.s_count; s++) {
      if (m.dense_slot[s] < 0) continue;
      uint16_t *d = m.dense.data() + (size_t)m.dense_slot[s] * m.g_count;
      for (uint32_t i = m.row[s + 1]; i-- > m.row[s];) d[m.entries[i].g] = (uint16_t)(i - m.row[s] + 1);
    }
  }
  m.uni_lp.assign(m.g_count, 0);
  m.uni_next.assign(m.g_count, 0);
  m.uni_has.assign(m.g_count, 0);
  for (uint32_t i = m.row[0]; i < m.row[1]; i++) {
    const Entry &e = m.entries[i];
    if (m.uni_has[e.g]) continue;
    m.uni_has[e.g] = 1;
    m.uni_lp[e.g] = e.lp;
    m.uni_next[e.g] = e.next;
  }
  // Candidate graphones per first Hebrew unit, per Latin chunk, and with no Latin letter.
  if (m.g_count < 2) return CICU_GMODEL_BAD_GRAPHONE;
  std::vector<std::vector<int32_t>> by_unit(kUnits), by_latin(kLatinChunks);
  std::vector<int32_t> empty;
  for (uint32_t g = 2; g < m.g_count; g++) {
    uint32_t hl = m.heb_len(g), ll = m.lat_len(g);
    if (hl == 0) return CICU_GMODEL_BAD_GRAPHONE;
    const uint8_t *h = m.heb(g), *l = m.lat(g);
    for (uint32_t i = 0; i < hl; i++)
      if (h[i] < 1 || h[i] >= kUnits) return CICU_GMODEL_BAD_GRAPHONE;
    for (uint32_t i = 0; i < ll; i++)
      if (l[i] < 'a' || l[i] > 'z') return CICU_GMODEL_BAD_GRAPHONE;
    by_unit[h[0]].push_back((int32_t)g);
    if (ll == 0) {
      empty.push_back((int32_t)g);
    } else if (ll <= 3) {  // longer chunks are never read by the decoder
      int idx = 0, base = 0, span = 1;
      for (uint32_t i = 0; i < ll; i++) {
        idx = idx * 26 + (l[i] - 'a');
        base += span;
        span *= 26;
      }
      by_latin[base - 1 + idx].push_back((int32_t)g);
    }
  }
  auto top = [&m](std::vector<int32_t> &gs, int32_t k) {
    std::sort(gs.begin(), gs.end(), [&m](int32_t a, int32_t b) {
      float ua = m.uni(a), ub = m.uni(b);
      return ua != ub ? ua > ub : a < b;
    });
    if ((int32_t)gs.size() > k) gs.resize(k < 0 ? 0 : k);
  };
  m.unit_off.assign(kUnits + 1, 0);
  for (int u = 0; u < kUnits; u++) {
    top(by_unit[u], per_unit);
    m.unit_list.insert(m.unit_list.end(), by_unit[u].begin(), by_unit[u].end());
    m.unit_off[u + 1] = (uint32_t)m.unit_list.size();
  }
  m.latin_off.assign(kLatinChunks + 1, 0);
  for (int c = 0; c < kLatinChunks; c++) {
    top(by_latin[c], per_latin);
    m.latin_list.insert(m.latin_list.end(), by_latin[c].begin(), by_latin[c].end());
    m.latin_off[c + 1] = (uint32_t)m.latin_list.size();
  }
  top(empty, per_unit);
  m.empty_list = empty;
  build_bounds(m);
  return CICU_GMODEL_OK;
}

}  // namespace

extern "C" {

cicu_gmodel *cicu_gmodel_open(const uint8_t *bytes, int64_t len, int32_t per_unit,
                              int32_t per_latin, cicu_gmodel_error *error) {
  cicu_gmodel *m = new (std::nothrow) cicu_gmodel();
  if (!m) {
    *error = CICU_GMODEL_NO_MEMORY;
    return nullptr;
  }
  static std::atomic<uint64_t> opened{0};
  m->id = ++opened;
  cicu_gmodel_error e;
  try {
    e = bytes ? parse(*m, bytes, len, per_unit, per_latin) : CICU_GMODEL_NOT_TKGM;
  } catch (const std::bad_alloc &) {
    e = CICU_GMODEL_NO_MEMORY;
  }
  *error = e;
  if (e != CICU_GMODEL_OK) {
    delete m;
    return nullptr;
  }
  return m;
}

void cicu_gmodel_close(cicu_gmodel *m) { delete m; }

int32_t cicu_gmodel_order(const cicu_gmodel *m) { return (int32_t)m->order; }
int32_t cicu_gmodel_graphone_count(const cicu_gmodel *m) { return (int32_t)m->g_count; }

int64_t cicu_gmodel_output_bound(const cicu_gmodel *m, int32_t n, bool to_latin, int32_t count) {
  (void)to_latin;
  if (n <= 0 || count <= 0) return 0;
  // At most 2n + 1 graphones a path (a letter-less graphone never follows another).
  return (int64_t)count * (2 * (int64_t)n + 1) * m->max_side;
}

float cicu_gmodel_step(const cicu_gmodel *m, uint32_t state, uint32_t g, uint32_t *next) {
  if (state >= m->s_count || g >= m->g_count) {
    *next = 0;
    return -std::numeric_limits<float>::infinity();
  }
  Chain c;
  c.build(*m, state);
  return c.step(*m, g, *next);
}

int32_t cicu_gmodel_decode(const cicu_gmodel *mp, const uint8_t *input, int32_t n, bool to_latin,
                           int32_t beam, int32_t count, uint8_t *out, int64_t out_capacity,
                           int32_t *lengths, float *scores, float *log_total) {
  if (log_total) *log_total = -std::numeric_limits<float>::infinity();
  if (n <= 0 || count <= 0) return 0;
  if (beam < 1) beam = 1;
  const cicu_gmodel &m = *mp;
  Workspace &w = tls;
  w.top.resize(((size_t)n + 1) * (size_t)beam);
  w.count.assign((size_t)n + 1, 0);
  w.keys_seen.assign((size_t)n + 1, 0);
  w.best.assign((size_t)n + 1, -std::numeric_limits<float>::infinity());
  w.parent.clear();
  w.graph.clear();
  Chain &chain = w.chain;
  const uint8_t *pool = m.pool.data();
  Hyp *top = w.top.data();
  int32_t *counts = w.count.data();
  uint64_t *keys_seen = w.keys_seen.data();
  float *best = w.best.data();
  // Ranks: expansion * rank_stride + place of the graphone among those tried, in the
  // reference's push order.
  uint64_t expansions = 0;
  const uint64_t stride = m.rank_stride;
  if (!to_latin && w.bound_model != m.id) {
    w.empty_bound.assign(m.s_count, std::numeric_limits<float>::quiet_NaN());
    w.bound_model = m.id;
  }
  if (w.seen_model != m.id) {
    w.seen.assign(m.g_count, 0);
    w.seen_epoch = 0;
    w.memo.assign(Workspace::kMemo, Workspace::Memo{0, 0, {-1, -1, -1}});
    w.walk_stamp = 0;
    w.seen_model = m.id;
  }

  top[0] = Hyp{m.start, 0, kFNVOffset, 0, 0, -1, -1, -1, false};
  counts[0] = 1;
  best[0] = 0;

  // The path node of hypothesis h (made when it is first extended or read out).
  auto node_of = [&](Hyp &h) {
    if (h.node == -2) {
      h.node = (int32_t)w.parent.size();
      w.parent.push_back(h.parent);
      w.graph.push_back(h.g);
    }
    return h.node;
  };
  // Extends `from` (node `from_node`) by graphone g of step log-probability lp and next state
  // ns into bucket `pos`, with rank r. The reference's bucket admits sc >= best - width; the
  // prune keeps the best.
  auto push = [&](int32_t pos, const Hyp &from, int32_t from_node, int32_t g, float lp, uint32_t ns,
                  uint64_t r, bool empty) __attribute__((always_inline)) {
    float sc = from.score + lp;
    float &b = best[pos];
    if (sc < b - kWidth) return;
    if (sc > b) b = sc;
    int32_t &k = counts[pos];
    Hyp *items = top + (size_t)pos * beam;
    if (k == beam && !before(sc, r, items[beam - 1])) return;
    uint64_t h = from.hash;
    uint32_t a, e;
    if (to_latin) { a = m.lat_off[g]; e = m.heb_off[g + 1]; }
    else { a = m.heb_off[g]; e = m.lat_off[g]; }
    for (uint32_t i = a; i < e; i++) h = (h ^ (uint64_t)pool[i]) * kFNVPrime;
    offer(items, k, beam, keys_seen[pos], Hyp{ns, sc, h, r, r, from_node, g, -2, empty});
  };
  // Whether no hypothesis scoring `reach` or less, ranked after everything in bucket `pos`,
  // can enter it any more (neither the width cut nor the last of a full bucket ever goes down).
  auto closed = [&](int32_t pos, float reach) {
    return reach < best[pos] - kWidth ||
           (counts[pos] == beam && !(reach > top[(size_t)pos * beam + beam - 1].score));
  };
  // The same for a hypothesis of any rank.
  auto closed_any_rank = [&](int32_t pos, float reach) {
    return reach < best[pos] - kWidth ||
           (counts[pos] == beam && reach < top[(size_t)pos * beam + beam - 1].score);
  };
  // The pruned bucket `pos` in w.hyps.
  auto prune = [&](int32_t pos) {
    take(top + (size_t)pos * beam, counts[pos], best[pos] - kWidth, w.hyps);
  };
  // Expanding a hypothesis by candidate lists (Hebrew → Latin: the graphones of the unit at
  // pos, the one-unit ones landing at pos + 1 and the longer ones at pos + their length;
  // Latin → Hebrew: the lists of the chunks of 1-3 letters at pos, and the letter-less list).
  // The pushes are those of the reference in another order, each with the rank of its place
  // there:
  //  1. the bounds: per list the best of (its best row value at each back-off level + the
  //     weight before it) and (its best unigram + all the weights); a list whose bound cannot
  //     enter its bucket is skipped, and the hypothesis when all are (every push would be
  //     turned away);
  //  2. the candidates found in a row of the back-off chain (first level first; the step
  //     value is that row's), read from the key table;
  //  3. the others, whose step value is the unigram one plus all the weights, in list order,
  //     until the best unigram value left in the list cannot enter.
  const cicu_gmodel::KeyTable &kt = key_table(m, to_latin);
  // Step 1's walk: fills w.level_acc and w.level_range for the `nk` keys (where `active`),
  // `bounds` and `acc0` (all the weights); returns the depth of the chain.
  auto walk = [&](uint32_t state, int nk, const uint32_t *keys, const bool *active, float *bounds,
                  float &acc0) {
    size_t depth = 0;
    float acc = 0;
    for (int k = 0; k < nk; k++) bounds[k] = -std::numeric_limits<float>::infinity();
    for (uint32_t s = state; s != 0; s = m.bs[s]) {
      if (w.level_acc.size() <= depth) {
        w.level_acc.resize(depth * 2 + 8);
        w.level_range.resize((depth * 2 + 8) * 3);
      }
      w.level_acc[depth] = acc;
      const cicu_gmodel::KeyRange *lo = kt.ranges.data() + kt.off[s], *hi = kt.ranges.data() + kt.off[s + 1];
      if (hi - lo > 8) {
        Workspace::Memo &mm = w.memo[s & (Workspace::kMemo - 1)];
        if (mm.state != s || mm.stamp != w.walk_stamp) {
          mm.state = s;
          mm.stamp = w.walk_stamp;
          for (int k = 0; k < nk; k++) {
            const cicu_gmodel::KeyRange *p = std::lower_bound(
                lo, hi, keys[k], [](const cicu_gmodel::KeyRange &x, uint32_t key) { return x.key < key; });
            mm.range[k] = active[k] && p < hi && p->key == keys[k] ? p - kt.ranges.data() : -1;
          }
        }
        for (int k = 0; k < nk; k++) {
          int64_t ri = mm.range[k];
          w.level_range[depth * 3 + k] = ri;
          if (ri >= 0) bounds[k] = std::max(bounds[k], acc + kt.ranges[ri].best);
        }
        acc += m.bw[s];
        depth++;
        continue;
      }
      // Keys are in increasing order: one pass over a short list.
      const cicu_gmodel::KeyRange *p = lo;
      for (int k = 0; k < nk; k++) {
        while (p < hi && p->key < keys[k]) p++;
        if (active[k] && p < hi && p->key == keys[k]) {
          w.level_range[depth * 3 + k] = p - kt.ranges.data();
          bounds[k] = std::max(bounds[k], acc + p->best);
        } else {
          w.level_range[depth * 3 + k] = -1;
        }
      }
      acc += m.bw[s];
      depth++;
    }
    acc0 = acc;
    for (int k = 0; k < nk; k++) bounds[k] = std::max(bounds[k], acc0 + kt.uni[keys[k]]);
    return depth;
  };
  // A new set of keys for `walk` (its memo entries go stale).
  auto new_keys = [&]() {
    if (++w.walk_stamp == 0) {
      for (Workspace::Memo &mm : w.memo) mm.stamp = 0;
      w.walk_stamp = 1;
    }
  };
  auto next_epoch = [&]() {
    if (++w.seen_epoch == 0) {
      std::fill(w.seen.begin(), w.seen.end(), 0);
      w.seen_epoch = 1;
    }
    return w.seen_epoch;
  };
  auto unigram = [&](int32_t g, float acc0, uint32_t &ns) __attribute__((always_inline)) {
    if (m.uni_has[g]) {
      ns = m.uni_next[g];
      return acc0 + m.uni_lp[g];
    }
    ns = 0;
    return acc0 - 30;
  };
  // A Latin → Hebrew list: its key, bucket (or -1: no list), graphones and their suffix bounds,
  // and the rank of its first graphone after the expansion's base.
  struct List {
    uint32_t key;
    int32_t target;
    const int32_t *graphones;
    uint32_t size;
    const float *suffix;
    uint64_t rank;
  };
  auto expand_latin = [&](Hyp &h, int nk, const List *lists, bool empty) {
    uint32_t keys[3];
    bool active[3];
    float bounds[3], acc0;
    for (int k = 0; k < nk; k++) {
      keys[k] = lists[k].key;
      active[k] = lists[k].target >= 0;
    }
    size_t depth = walk(h.state, nk, keys, active, bounds, acc0);
    bool open[3] = {false, false, false}, some = false;
    for (int k = 0; k < nk; k++) {
      open[k] = active[k] && !closed(lists[k].target, h.score + bounds[k]);
      some |= open[k];
    }
    if (!some) return;
    int32_t hn = node_of(h);
    const uint64_t base = ++expansions * stride;
    const uint32_t epoch = next_epoch();
    uint32_t *seen = w.seen.data();
    for (size_t d = 0; d < depth; d++) {
      for (int k = 0; k < nk; k++) {
        int64_t ri = w.level_range[d * 3 + k];
        if (ri < 0) continue;
        const Entry *e = kt.entries.data() + kt.ranges[ri].begin;
        const Entry *ee = kt.entries.data() + kt.ranges[ri + 1].begin;
        for (; e < ee; e++) {
          uint32_t g = e->g;
          if (seen[g] == epoch) continue;
          seen[g] = epoch;
          int32_t j = m.latin_pos[g];
          if (!open[k] || j < 0) continue;
          push(lists[k].target, h, hn, (int32_t)g, w.level_acc[d] + e->lp, e->next,
               base + lists[k].rank + (uint64_t)j, empty);
        }
      }
    }
    for (int k = 0; k < nk; k++) {
      if (!open[k]) continue;
      const List &l = lists[k];
      for (uint32_t j = 0; j < l.size; j++) {
        int32_t g = l.graphones[j];
        if (seen[g] == epoch) continue;
        if (closed_any_rank(l.target, h.score + acc0 + l.suffix[j])) break;
        uint32_t ns;
        float lp = unigram(g, acc0, ns);
        push(l.target, h, hn, g, lp, ns, base + l.rank + j, empty);
      }
    }
  };
  // Letter-less graphones after each hypothesis not already after one (Latin → Hebrew), then
  // the reference's second prune of the pruned hypotheses followed by the new ones.
  auto push_empty = [&](int32_t pos) {
    Hyp *items = top + (size_t)pos * beam;
    counts[pos] = 0;
    keys_seen[pos] = 0;
    for (Hyp &h : w.hyps) {
      h.rank = ++expansions * stride;
      node_of(h);
      items[counts[pos]++] = h;  // sorted, distinct, at most beam
      keys_seen[pos] |= key_bit(h);
    }
    new_keys();
    const List empty = {kLatinChunks, pos, m.empty_list.data(), (uint32_t)m.empty_list.size(),
                        m.empty_suffix.data(), 0};
    for (size_t i = 0; i < w.hyps.size(); i++) {
      Hyp &h = w.hyps[i];
      if (h.after_empty) continue;
      // No extension scores above h.score + bound; skip h when that cannot enter.
      float bound = w.empty_bound[h.state];
      bool known = bound == bound;
      if (known && closed(pos, h.score + bound)) continue;
      if (!known) {
        chain.build(m, h.state);
        bound = -std::numeric_limits<float>::infinity();
        for (int32_t g : m.empty_list) {
          uint32_t ns;
          bound = std::max(bound, chain.step(m, (uint32_t)g, ns));
        }
        w.empty_bound[h.state] = bound;
        if (closed(pos, h.score + bound)) continue;
      }
      expand_latin(h, 1, &empty, true);
    }
    prune(pos);
  };

  uint32_t keys[3];
  int32_t targets[3];
  float bounds[3];
  for (int32_t pos = 0; pos < n; pos++) {
    if (counts[pos] == 0) continue;
    prune(pos);
    if (!to_latin) push_empty(pos);
    int nk = 0;
    uint64_t far = 0;  // bit k: a longer graphone lands at pos + k (k < 64)
    bool far_unknown = false;  // one lands at pos + 64 or more
    List lists[3];
    if (to_latin) {
      // Hebrew → Latin: the graphones whose Hebrew side is the input at pos, in list order, with their
      // places in the list.
      w.cand.clear();
      uint8_t u = input[pos];
      bool near = false;
      if (u < kUnits) {
        for (uint32_t j = m.unit_off[u]; j < m.unit_off[u + 1]; j++) {
          int32_t g = m.unit_list[j];
          uint32_t hl = m.heb_len((uint32_t)g);
          if (hl >= 2) {
            if (pos + (int64_t)hl > n) continue;
            const uint8_t *hs = m.heb((uint32_t)g);
            bool same = true;
            for (uint32_t k = 1; k < hl; k++)
              if (input[pos + k] != hs[k]) { same = false; break; }
            if (!same) continue;
            if (hl < 64) far |= 1ULL << hl; else far_unknown = true;
          } else {
            near = true;
          }
          w.cand.push_back(g);
          w.cand.push_back((int32_t)hl);
          w.cand.push_back((int32_t)j);
        }
      }
      if (w.cand.empty()) continue;
      keys[0] = u;
      keys[1] = u + kUnits;
      targets[0] = near ? pos + 1 : -1;
      targets[1] = far || far_unknown ? 0 : -1;
      nk = 2;
    } else {
      // Latin → Hebrew: the lists of the chunks at pos, in the reference's order.
      int idx = 0, base = 0, span = 1;
      for (int32_t len = 1; len <= 3 && pos + len <= n; len++) {
        uint8_t c = input[pos + len - 1];
        if (c < 'a' || c > 'z') break;
        idx = idx * 26 + (c - 'a');
        base += span;
        span *= 26;
        int slot = base - 1 + idx;
        uint32_t a = m.latin_off[slot], e = m.latin_off[slot + 1];
        if (a < e)  // only the lists with graphones (keys stay in increasing order)
          lists[nk++] = List{(uint32_t)slot, pos + len, m.latin_list.data() + a, e - a, m.latin_suffix.data() + a,
                             (uint64_t)(len - 1) * m.max_latin_list};
      }
      if (nk == 0) continue;
      new_keys();
      for (size_t i = 0; i < w.hyps.size(); i++) expand_latin(w.hyps[i], nk, lists, false);
      continue;
    }
    new_keys();
    // Whether every bucket the longer graphones land in is closed for `reach`.
    auto far_closed = [&](float reach, bool any_rank) {
      if (far_unknown) return false;
      for (uint64_t r = far; r; r &= r - 1) {
        int32_t to = pos + __builtin_ctzll(r);
        if (!(any_rank ? closed_any_rank(to, reach) : closed(to, reach))) return false;
      }
      return true;
    };
    for (size_t i = 0; i < w.hyps.size(); i++) {
      Hyp &h = w.hyps[i];
      const bool active[2] = {targets[0] >= 0, targets[1] >= 0};
      float acc0;
      size_t depth = walk(h.state, nk, keys, active, bounds, acc0);
      bool open[3] = {false, false, false};
      bool some = false;
      for (int k = 0; k < nk; k++) {
        if (targets[k] < 0) continue;
        float reach = h.score + bounds[k];
        open[k] = k == 1 ? !far_closed(reach, false) : !closed(targets[k], reach);
        some |= open[k];
      }
      if (!some) continue;
      int32_t hn = node_of(h);
      const uint64_t base = ++expansions * stride;
      const uint32_t epoch = next_epoch();
      uint32_t *seen = w.seen.data();
      // 2. Candidates in the rows of the chain.
      for (size_t d = 0; d < depth; d++) {
        for (int k = 0; k < nk; k++) {
          int64_t ri = w.level_range[d * 3 + k];
          if (ri < 0) continue;
          const Entry *e = kt.entries.data() + kt.ranges[ri].begin;
          const Entry *ee = kt.entries.data() + kt.ranges[ri + 1].begin;
          for (; e < ee; e++) {
            uint32_t g = e->g;
            if (seen[g] == epoch) continue;
            seen[g] = epoch;
            int32_t j = m.unit_pos[g];
            if (!open[k] || j < 0) continue;
            uint32_t hl = m.heb_len(g);
            if (hl >= 2) {
              if (pos + (int64_t)hl > n) continue;
              const uint8_t *hs = m.heb(g);
              bool same = true;
              for (uint32_t q = 1; q < hl; q++)
                if (input[pos + q] != hs[q]) { same = false; break; }
              if (!same) continue;
            }
            push(pos + (int32_t)hl, h, hn, (int32_t)g, w.level_acc[d] + e->lp, e->next, base + (uint64_t)j, false);
          }
        }
      }
      // 3. The others, at their unigram values.
      {
        const int32_t *c = w.cand.data(), *ce = c + w.cand.size();
        for (; c < ce; c += 3) {
          int32_t g = c[0], hl = c[1], j = c[2];
          if (seen[g] == epoch) continue;
          if (hl == 1) {
            if (!open[0]) continue;
            if (closed_any_rank(pos + 1, h.score + acc0 + m.unit_suffix_one[j])) {
              open[0] = false;
              if (!open[1]) break;
              continue;
            }
          } else {
            if (!open[1]) continue;
            if (far_closed(h.score + acc0 + m.unit_suffix_long[j], true)) {
              open[1] = false;
              if (!open[0]) break;
              continue;
            }
          }
          uint32_t ns;
          float lp = unigram(g, acc0, ns);
          push(pos + hl, h, hn, g, lp, ns, base + (uint64_t)(j - m.unit_off[input[pos]]), false);
        }
      }
    }
  }
  // End of word: a final letter-less graphone (Latin → Hebrew), then </s>.
  prune(n);
  if (!to_latin) push_empty(n);
  w.groups.clear();
  float total = -std::numeric_limits<float>::infinity();
  for (Hyp &h : w.hyps) {
    chain.build(m, h.state);
    uint32_t ns;
    float sc = h.score + chain.step(m, 0, ns);
    total = log_add(total, sc);
    int32_t hn = node_of(h);
    Group *found = nullptr;
    for (Group &g : w.groups)
      if (g.hash == h.hash) { found = &g; break; }
    if (found) {
      bool better = sc > found->best;
      found->score = log_add(found->score, sc);
      found->best = sc >= found->best ? sc : found->best;  // Swift.max(best, sc)
      if (better) {
        found->origin = h.origin;
        found->node = hn;
      }
    } else {
      w.groups.push_back(Group{h.hash, sc, sc, h.origin, hn});
    }
  }
  if (log_total) *log_total = total;
  std::sort(w.groups.begin(), w.groups.end(), [](const Group &a, const Group &b) {
    return a.score != b.score ? a.score > b.score : a.origin < b.origin;
  });
  int32_t results = 0;
  int64_t used = 0;
  for (const Group &g : w.groups) {
    if (results == count) break;
    w.path.clear();
    for (int32_t node = g.node; node >= 0; node = w.parent[node]) w.path.push_back(w.graph[node]);
    int64_t start = used;
    for (size_t i = w.path.size(); i-- > 0;) {
      uint32_t gid = (uint32_t)w.path[i];
      uint32_t a = to_latin ? m.lat_off[gid] : m.heb_off[gid];
      uint32_t b = to_latin ? m.heb_off[gid + 1] : m.lat_off[gid];
      if (used + (b - a) > out_capacity) return -1;
      std::memcpy(out + used, pool + a, b - a);
      used += b - a;
    }
    lengths[results] = (int32_t)(used - start);
    scores[results] = g.score - total;
    results++;
  }
  return results;
}

}  // extern "C"
