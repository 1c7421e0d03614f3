/*
 * check_list.h - every check lockpath runs, one line each: the rule name
 * users see, a one-line summary (for --help, SARIF and the HTML report), and
 * the function (in check_<name>.c) the engine calls at every site it visits.
 * Add a check by adding a file and a line here.
 */
CHECK(recursive_lock, "recursive-lock",
      "a lock is acquired on a path where the same lock (possibly under another name) is already held")
