// Graphone n-gram model and beam decoder for the `names` transliteration scheme (no ICU).
//
// The model file ("TKGM v1", see Scripts/train-translit) is parsed once into flat arrays:
// graphone sides in one byte pool, back-off weights and states, and the n-gram entries
// grouped by state (CSR rows sorted by graphone, looked up by binary search; the unigram row
// is a dense array). The decoder is the position-synchronous beam search of the Swift
// reference (same push order, same pruning, same float operations, so the same n-best and
// scores); it works in a per-thread scratch space that is reused, so a decode allocates
// nothing once the scratch space has grown.
#include "cicu_graphone.h"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstring>
#include <limits>
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
  uint32_t rank;     // order among the pushes into its bucket (ties: lower first)
  uint32_t origin;   // push order, for the final tie-break (the reference's node order)
  int32_t parent;    // path node of the hypothesis extended
  int32_t g;         // graphone taken
  int32_t node;      // own path node once extended (-1 at the start, -2 not yet made)
  bool after_empty;
};

struct Group {
  uint64_t hash;
  float score;
  float best;
  uint32_t origin;
  int32_t node;
};

constexpr uint64_t kFNVOffset = 1469598103934665603ULL;
constexpr uint64_t kFNVPrime = 1099511628211ULL;
constexpr float kWidth = 12;
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
};

thread_local Workspace tls;

/// The reference's prune, done incrementally: a bucket holds the best `beam` hypotheses
/// pushed so far (best first; equal scores in push order) with no two of the same state and
/// output. A hypothesis that does not beat the last of a full bucket can never come back
/// into it (the last only gets better), and one of the same state and output as a kept one
/// only replaces it when strictly better (the earlier push wins a tie, as in a stable sort).
/// So the kept set is the reference's sorted, de-duplicated, cut bucket, without storing or
/// sorting the rest. `x` is always the latest push (its `rank` is the largest).
inline void offer(Hyp *items, int32_t &n, int32_t beam, const Hyp &x) {
  int32_t j = -1;
  for (int32_t i = 0; i < n; i++)
    if (items[i].hash == x.hash && items[i].state == x.state) { j = i; break; }
  if (j >= 0) {
    if (!(x.score > items[j].score)) return;
  } else if (n == beam) {
    j = n - 1;  // the last one makes room (x beats it: checked by the caller)
  } else {
    j = n++;
  }
  // x goes before the first kept hypothesis with a lower score; slots up to j shift down.
  int32_t at = j;
  while (at > 0 && items[at - 1].score < x.score) {
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
  w.best.assign((size_t)n + 1, -std::numeric_limits<float>::infinity());
  w.parent.clear();
  w.graph.clear();
  Chain &chain = w.chain;
  const uint8_t *pool = m.pool.data();
  Hyp *top = w.top.data();
  int32_t *counts = w.count.data();
  float *best = w.best.data();
  uint32_t pushes = 1;
  if (!to_latin && w.bound_model != m.id) {
    w.empty_bound.assign(m.s_count, std::numeric_limits<float>::quiet_NaN());
    w.bound_model = m.id;
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
  // Extends `from` (whose back-off chain is in `chain`, node `from_node`) by graphone g into
  // bucket `pos`. The reference's bucket admits sc >= best - width; the prune keeps the best.
  auto push = [&](int32_t pos, const Hyp &from, int32_t from_node, int32_t g, bool empty)
                  __attribute__((always_inline)) {
    uint32_t ns;
    float lp = chain.step(m, (uint32_t)g, ns);
    float sc = from.score + lp;
    float &b = best[pos];
    if (sc < b - kWidth) return;
    if (sc > b) b = sc;
    uint32_t r = pushes++;
    int32_t &k = counts[pos];
    Hyp *items = top + (size_t)pos * beam;
    if (k == beam && !(sc > items[beam - 1].score)) return;
    uint64_t h = from.hash;
    uint32_t a, e;
    if (to_latin) { a = m.lat_off[g]; e = m.heb_off[g + 1]; }
    else { a = m.heb_off[g]; e = m.lat_off[g]; }
    for (uint32_t i = a; i < e; i++) h = (h ^ (uint64_t)pool[i]) * kFNVPrime;
    offer(items, k, beam, Hyp{ns, sc, h, r, r, from_node, g, -2, empty});
  };
  // Whether no hypothesis scoring `reach` or less can enter bucket `pos` any more (neither
  // the width cut nor the last of a full bucket ever goes down).
  auto closed = [&](int32_t pos, float reach) {
    return reach < best[pos] - kWidth ||
           (counts[pos] == beam && !(reach > top[(size_t)pos * beam + beam - 1].score));
  };
  // The pruned bucket `pos` in w.hyps.
  auto prune = [&](int32_t pos) {
    take(top + (size_t)pos * beam, counts[pos], best[pos] - kWidth, w.hyps);
  };
  // Letter-less graphones after each hypothesis not already after one (Latin → Hebrew), then
  // the reference's second prune of the pruned hypotheses followed by the new ones.
  auto push_empty = [&](int32_t pos) {
    Hyp *items = top + (size_t)pos * beam;
    counts[pos] = 0;
    for (Hyp &h : w.hyps) {
      h.rank = pushes++;
      node_of(h);
      items[counts[pos]++] = h;  // sorted, distinct, at most beam
    }
    for (size_t i = 0; i < w.hyps.size(); i++) {
      const Hyp &h = w.hyps[i];
      if (h.after_empty) continue;
      // No extension scores above h.score + bound; skip h when that cannot enter.
      float bound = w.empty_bound[h.state];
      bool known = bound == bound;
      if (known && closed(pos, h.score + bound)) continue;
      chain.build(m, h.state);
      if (!known) {
        bound = -std::numeric_limits<float>::infinity();
        for (int32_t g : m.empty_list) {
          uint32_t ns;
          bound = std::max(bound, chain.step(m, (uint32_t)g, ns));
        }
        w.empty_bound[h.state] = bound;
        if (closed(pos, h.score + bound)) continue;
      }
      for (int32_t g : m.empty_list) push(pos, h, h.node, g, true);
    }
    prune(pos);
  };

  for (int32_t pos = 0; pos < n; pos++) {
    if (counts[pos] == 0) continue;
    prune(pos);
    if (!to_latin) push_empty(pos);
    if (to_latin) {
      // The graphones whose Hebrew side is the input at pos, in list order.
      w.cand.clear();
      uint8_t u = input[pos];
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
          }
          w.cand.push_back(g);
          w.cand.push_back((int32_t)hl);
        }
      }
      if (w.cand.empty()) continue;
    }
    for (size_t i = 0; i < w.hyps.size(); i++) {
      Hyp &h = w.hyps[i];
      int32_t hn = node_of(h);
      chain.build(m, h.state);
      if (to_latin) {
        const int32_t *c = w.cand.data(), *ce = c + w.cand.size();
        for (; c < ce; c += 2) push(pos + c[1], h, hn, c[0], false);
      } else {
        int idx = 0, base = 0, span = 1;
        for (int32_t len = 1; len <= 3 && pos + len <= n; len++) {
          uint8_t c = input[pos + len - 1];
          if (c < 'a' || c > 'z') break;
          idx = idx * 26 + (c - 'a');
          base += span;
          span *= 26;
          int slot = base - 1 + idx;
          for (uint32_t j = m.latin_off[slot]; j < m.latin_off[slot + 1]; j++)
            push(pos + len, h, hn, m.latin_list[j], false);
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
