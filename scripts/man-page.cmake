# SPDX-License-Identifier: GPL-2.0-only
# man-page.cmake - lockpath.1 from the --help texts: help2man turns
# 'lockpath --help' into the page, and each command's own --help (the
# commands are read from the main help) becomes a section of it, verbatim.
# Run by analyzer/CMakeLists.txt at build time:
#
#   cmake -DLOCKPATH=BIN -DHELP2MAN=PROG -DOUT=lockpath.1 -P man-page.cmake
execute_process(COMMAND ${LOCKPATH} --help OUTPUT_VARIABLE main RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "${LOCKPATH} --help failed (${rc})")
endif()
string(REGEX MATCH "Commands:\n(  [^\n]*\n)+" cmds "${main}")   # the command table only
string(REGEX MATCHALL "\n  [a-z]+ " cmds "${cmds}")
set(inc "")
foreach(c IN LISTS cmds)
  string(STRIP "${c}" c)
  execute_process(COMMAND ${LOCKPATH} ${c} --help OUTPUT_VARIABLE h RESULT_VARIABLE rc)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "${LOCKPATH} ${c} --help failed (${rc})")
  endif()
  string(REPLACE "\\" "\\e" h "${h}")                          # roff escapes
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" h "${h}")   # no request lines
  string(APPEND inc "[lockpath ${c}]\n.nf\n${h}.fi\n\n")
endforeach()
set(inc_file ${OUT}.h2m)
file(WRITE ${inc_file} "${inc}")
execute_process(COMMAND ${HELP2MAN} --no-info --no-discard-stderr
    --name "static analyzer for lock-dependency bugs in Linux virtio transports"
    --include ${inc_file} --output ${OUT} ${LOCKPATH}
  RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "help2man failed (${rc})")
endif()
