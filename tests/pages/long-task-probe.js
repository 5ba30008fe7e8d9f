// Shared by the hostile pages: records the page thread's long tasks (the
// browser's long-task entries, 50 ms and over), whoever ran them: the
// longest, and their total.
window.longestTask = 0;
window.longTaskTotal = 0;
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    window.longTaskTotal += entry.duration;
    window.longestTask = Math.max(window.longestTask, entry.duration);
  }
}).observe({ type: 'longtask', buffered: true });
