/* test_agenda_summary.h — the TCases of agenda_summary's test program. */
#ifndef TEST_AGENDA_SUMMARY_H
#define TEST_AGENDA_SUMMARY_H
#include <check.h>
TCase *flow_tcase(void);
TCase *attendees_tcase(void);
#endif
