/*
 * test_attendees.c — unit tests of the "who attends" phrasing
 * (attendees.c compiled in) on records made by hand.
 */
#include "../../plugins/agenda_summary/attendees.h"
#include "test_agenda_summary.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

/* A delegation of n members, the first of them its head. */
typedef struct fixture {
	bp_delegation ru, kz;
	bp_person ru_p[12], kz_head, loose;
	const bp_person *ru_m[12], *kz_m[1];
	bp_role attendee, host;
} fixture;

static const char *names[12] = {"Head Ru", "A1", "A2", "A3", "A4",  "A5",
                                "A6",      "A7", "A8", "A9", "A10", "A11"};

static void make(fixture *f)
{
	memset(f, 0, sizeof *f);
	f->attendee = (bp_role){.size = sizeof(bp_role), .id = "attendee", .name = "Attendee"};
	f->host = (bp_role){.size = sizeof(bp_role), .id = "host", .name = "Host"};
	f->ru = (bp_delegation){.id = "ru", .name = "Russia", .members = f->ru_m, .n_members = 12};
	f->kz = (bp_delegation){
	        .id = "kz", .name = "Kazakhstan", .members = f->kz_m, .n_members = 1};
	for (int i = 0; i < 12; i++) {
		f->ru_p[i] = (bp_person){.id = names[i], .name = names[i], .delegation = &f->ru};
		f->ru_m[i] = &f->ru_p[i];
	}
	f->ru_p[0].head = 1;
	f->ru_p[0].role = "President";
	f->ru_p[1].role = "Minister";
	f->ru_p[0].native_name = "Глава";
	f->ru.head = &f->ru_p[0];
	f->kz_head = (bp_person){.id = "kh",
	                         .name = "Head Kz",
	                         .role = "President of Kazakhstan",
	                         .delegation = &f->kz,
	                         .head = 1};
	f->kz_m[0] = &f->kz_head;
	f->kz.head = &f->kz_head;
	f->loose = (bp_person){.id = "x", .name = "Free Agent", .role = "Analyst"};
}

static char *mode_lines(const bp_event *ev, const char *lang, ag_attendees_mode mode, size_t max,
                        int native)
{
	ag_attendee_opts o = {
	        .language = lang, .mode = mode, .max_names = max, .native_names = native};
	ag_line *l = NULL;
	size_t n = ag_attendee_lines(ev, &o, &l);
	ck_assert_uint_ne(n, (size_t)-1);
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(l[i].label) + strlen(l[i].text) + 4;
	char *s = calloc(1, len);
	for (size_t i = 0; i < n; i++) {
		strcat(s, l[i].label);
		strcat(s, ": ");
		strcat(s, l[i].text);
		strcat(s, "\n");
	}
	ag_lines_free(l, n);
	return s;
}

static char *all_lines(const bp_event *ev, const char *lang, size_t max, int native)
{
	return mode_lines(ev, lang, AG_ATTENDEES_NAMES, max, native);
}

START_TEST(attendees_heads_and_full_delegation)
{
	fixture f;
	make(&f);
	/* The head by name as host, Kazakhstan's head, the whole of Russia. */
	bp_attendee a0 = {.person = &f.kz_head, .role = &f.host};
	bp_attendee a1 = {.delegation = &f.ru, .role = &f.attendee};
	bp_attendee a2 = {.person = &f.ru_p[3], .role = &f.attendee};
	const bp_attendee *att[] = {&a0, &a1, &a2};
	bp_event ev = {.id = "e", .title = "T", .attendees = att, .n_attendees = 3};
	char *s = all_lines(&ev, "en", 6, 0);
	ck_assert_str_eq(
	        s, "Heads of delegation: Head Kz (President of Kazakhstan; Host) and "
	           "Head Ru (President, Russia)\n"
	           "Russia, full delegation: A3, A1 (Minister), A2, A4, A5, A6 and 5 others\n");
	free(s);
	/* max_names never cuts a single name: "and 1 other" saves nothing. */
	s = all_lines(&ev, "en", 10, 0);
	ck_assert_ptr_null(strstr(s, "other"));
	ck_assert_ptr_nonnull(strstr(s, "A10 and A11\n"));
	free(s);
}
END_TEST

START_TEST(attendees_delegations_summary_and_loose_people)
{
	fixture f;
	make(&f);
	bp_delegation uz = {.id = "uz", .name = "Uzbekistan"};
	bp_attendee a0 = {.delegation = &f.kz, .role = &f.attendee};
	bp_attendee a1 = {.delegation = &uz, .role = &f.host};
	bp_attendee a2 = {.person = &f.loose, .role = &f.attendee};
	bp_attendee a3 = {.person = &f.ru_p[1], .role = &f.attendee};
	const bp_attendee *att[] = {&a0, &a1, &a2, &a3};
	bp_event ev = {.id = "e", .title = "T", .attendees = att, .n_attendees = 4};
	char *s = all_lines(&ev, "en", 6, 0);
	ck_assert_str_eq(s, "Head of delegation: Head Kz (President of Kazakhstan)\n"
	                    "Russia: A1 (Minister)\n"
	                    "Delegations: Kazakhstan and Uzbekistan (Host)\n"
	                    "Other participants: Free Agent (Analyst)\n");
	free(s);
	s = all_lines(&ev, "ru", 6, 0);
	ck_assert_ptr_nonnull(strstr(s, "Глава делегации: "));
	ck_assert_ptr_nonnull(strstr(s, "Делегации: Kazakhstan и Uzbekistan (Host)\n"));
	ck_assert_ptr_nonnull(strstr(s, "Другие участники: "));
	free(s);
}
END_TEST

START_TEST(attendees_native_names_and_none)
{
	fixture f;
	make(&f);
	bp_attendee a0 = {.person = &f.ru_p[0], .role = &f.attendee};
	const bp_attendee *att[] = {&a0};
	bp_event ev = {.id = "e", .title = "T", .attendees = att, .n_attendees = 1};
	char *s = all_lines(&ev, "ru", 6, 1);
	ck_assert_str_eq(s, "Глава делегации: Head Ru / Глава (President, Russia)\n");
	free(s);
	/* Nobody listed: no lines at all. */
	bp_event empty = {.id = "e", .title = "T"};
	s = all_lines(&empty, "en", 6, 0);
	ck_assert_str_eq(s, "");
	free(s);
	/* The long list in Russian: "и ещё N". */
	bp_attendee w = {.delegation = &f.ru, .role = &f.attendee};
	const bp_attendee *watt[] = {&w};
	bp_event whole = {.id = "e", .title = "T", .attendees = watt, .n_attendees = 1};
	s = all_lines(&whole, "ru", 2, 0);
	ck_assert_ptr_nonnull(
	        strstr(s, "Russia, делегация в полном составе: A1 (Minister), A2 и ещё 9\n"));
	free(s);
}
END_TEST

START_TEST(attendees_delegations_counted)
{
	fixture f;
	make(&f);
	/* Kazakhstan's head as host, the whole of Russia, one of Russia again
	 * by name (counted once), a person of no delegation, and a delegation
	 * the dossier names nobody of. */
	bp_delegation uz = {.id = "uz", .name = "Uzbekistan"};
	bp_attendee a0 = {.person = &f.kz_head, .role = &f.host};
	bp_attendee a1 = {.delegation = &f.ru, .role = &f.attendee};
	bp_attendee a2 = {.person = &f.ru_p[3], .role = &f.attendee};
	bp_attendee a3 = {.person = &f.loose, .role = &f.attendee};
	bp_attendee a4 = {.delegation = &uz, .role = &f.host};
	const bp_attendee *att[] = {&a0, &a1, &a2, &a3, &a4};
	bp_event ev = {.id = "e", .title = "T", .attendees = att, .n_attendees = 5};
	char *s = mode_lines(&ev, "en", AG_ATTENDEES_DELEGATIONS, 6, 0);
	ck_assert_str_eq(s, "Heads of delegation: Head Kz (President of Kazakhstan; Host) and "
	                    "Head Ru (President, Russia)\n"
	                    "Delegations: Kazakhstan (1), Russia (12) and Uzbekistan (Host)\n"
	                    "Other participants: 1\n");
	ck_assert_ptr_null(strstr(s, "A3"));
	free(s);
	/* Russia attending as a whole as host keeps the role beside its count. */
	a1.role = &f.host;
	s = mode_lines(&ev, "en", AG_ATTENDEES_DELEGATIONS, 6, 0);
	ck_assert_ptr_nonnull(strstr(s, "Delegations: Kazakhstan (1), Russia (12; Host) and "
	                                "Uzbekistan (Host)\n"));
	free(s);
}
END_TEST

START_TEST(attendees_delegations_by_person_in_russian)
{
	fixture f;
	make(&f);
	/* Only people: the delegation's count is who of it is there, its
	 * head included; max_names does not cut counts. */
	bp_attendee a0 = {.person = &f.ru_p[1], .role = &f.attendee};
	bp_attendee a1 = {.person = &f.loose, .role = &f.attendee};
	bp_attendee a2 = {.person = &f.ru_p[0], .role = &f.attendee};
	bp_attendee a3 = {.person = &f.ru_p[2], .role = &f.attendee};
	bp_attendee a4 = {.person = &f.ru_p[2], .role = &f.attendee};
	const bp_attendee *att[] = {&a0, &a1, &a2, &a3, &a4};
	bp_event ev = {.id = "e", .title = "T", .attendees = att, .n_attendees = 5};
	char *s = mode_lines(&ev, "ru", AG_ATTENDEES_DELEGATIONS, 1, 0);
	ck_assert_str_eq(s, "Глава делегации: Head Ru (President, Russia)\n"
	                    "Делегации: Russia (3)\n"
	                    "Другие участники: 1\n");
	free(s);
	/* Nobody attends: no lines. */
	bp_event empty = {.id = "e", .title = "T"};
	s = mode_lines(&empty, "en", AG_ATTENDEES_DELEGATIONS, 6, 0);
	ck_assert_str_eq(s, "");
	free(s);
}
END_TEST

START_TEST(attendees_none)
{
	fixture f;
	make(&f);
	bp_attendee a0 = {.person = &f.kz_head, .role = &f.host};
	bp_attendee a1 = {.delegation = &f.ru, .role = &f.attendee};
	bp_attendee a2 = {.person = &f.loose, .role = &f.attendee};
	const bp_attendee *att[] = {&a0, &a1, &a2};
	bp_event ev = {.id = "e", .title = "T", .attendees = att, .n_attendees = 3};
	ag_attendee_opts o = {.language = "en", .mode = AG_ATTENDEES_NONE, .max_names = 6};
	ag_line *l = (ag_line *)&o; /* must be overwritten */
	ck_assert_uint_eq(ag_attendee_lines(&ev, &o, &l), 0);
	ck_assert_ptr_null(l);
	ag_lines_free(l, 0);
	/* The same event in the other modes does have lines. */
	char *s = mode_lines(&ev, "en", AG_ATTENDEES_NAMES, 6, 0);
	ck_assert_ptr_nonnull(strstr(s, "Free Agent"));
	free(s);
}
END_TEST

TCase *attendees_tcase(void)
{
	TCase *tc = tcase_create("attendees");
	tcase_add_test(tc, attendees_heads_and_full_delegation);
	tcase_add_test(tc, attendees_delegations_summary_and_loose_people);
	tcase_add_test(tc, attendees_native_names_and_none);
	tcase_add_test(tc, attendees_delegations_counted);
	tcase_add_test(tc, attendees_delegations_by_person_in_russian);
	tcase_add_test(tc, attendees_none);
	return tc;
}
