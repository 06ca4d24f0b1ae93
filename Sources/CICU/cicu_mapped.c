// SIGBUS-guarded access to memory-mapped input files (see cicu_mapped.h).
#define _GNU_SOURCE
#include "include/cicu_mapped.h"

#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <string.h>

static struct sigaction previous_action;
static pthread_once_t install_once = PTHREAD_ONCE_INIT;
static _Thread_local sigjmp_buf *active_guard;

static void on_sigbus(int sig, siginfo_t *info, void *context) {
  sigjmp_buf *guard = active_guard;
  if (guard) {
    active_guard = NULL;
    siglongjmp(*guard, 1);
  }
  // Not ours: hand over to whoever was installed before us.
  if (previous_action.sa_flags & SA_SIGINFO) {
    if (previous_action.sa_sigaction) {
      previous_action.sa_sigaction(sig, info, context);
      return;
    }
  } else if (previous_action.sa_handler != SIG_IGN && previous_action.sa_handler != SIG_DFL) {
    previous_action.sa_handler(sig);
    return;
  }
  // Default action: restore it and return; the faulting access repeats and terminates us.
  signal(SIGBUS, SIG_DFL);
}

static void install(void) {
  struct sigaction action;
  memset(&action, 0, sizeof action);
  action.sa_sigaction = on_sigbus;
  action.sa_flags = SA_SIGINFO | SA_NODEFER;
  sigemptyset(&action.sa_mask);
  sigaction(SIGBUS, &action, &previous_action);
}

bool cicu_mapped_utf8_scan(const uint8_t *src, int64_t len, bool allow_truncated_tail, bool track_nfc,
                           cicu_utf8_scan_result *result) {
  pthread_once(&install_once, install);
  sigjmp_buf guard;
  if (sigsetjmp(guard, 1) != 0) return false;
  active_guard = &guard;
  cicu_utf8_scan(src, len, allow_truncated_tail, track_nfc, result);
  active_guard = NULL;
  return true;
}

bool cicu_mapped_copy(uint8_t *dst, const uint8_t *src, int64_t len) {
  pthread_once(&install_once, install);
  sigjmp_buf guard;
  if (sigsetjmp(guard, 1) != 0) return false;
  active_guard = &guard;
  memcpy(dst, src, (size_t)len);
  active_guard = NULL;
  return true;
}
