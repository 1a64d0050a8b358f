/* suites.h — the TCases of the participant_matrix suite, one per file. */
#ifndef PMT_SUITES_H
#define PMT_SUITES_H

#include <check.h>

TCase *pmt_model_case(void);
TCase *pmt_filters_case(void);
TCase *pmt_paginate_case(void);
TCase *pmt_render_case(void);
TCase *pmt_options_case(void);
TCase *pmt_big_case(void);

#endif
