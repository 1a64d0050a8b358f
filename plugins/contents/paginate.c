/* paginate.c — splits the contents lines over pages (see paginate.h). */
#include "paginate.h"

int contents_paginate(const contents_line_box *lines, size_t n, double room, size_t *start)
{
	int pages = 0;
	size_t i = 0;
	start[0] = 0;
	while (i < n) {
		size_t first = i;
		double y = 0;
		while (i < n) {
			double h = lines[i].height + (i > first ? lines[i].before : 0);
			if (i > first && y + h > room)
				break;
			y += h;
			i++;
		}
		/* Do not strand a heading at the foot of a page: move it (and any
		 * heading run before it) over, unless only headings would stay. */
		if (i < n) {
			size_t j = i;
			while (j > first + 1 && lines[j - 1].keep_next)
				j--;
			for (size_t k = first; k < j; k++)
				if (!lines[k].keep_next) {
					i = j;
					break;
				}
		}
		start[++pages] = i;
	}
	if (pages == 0)
		start[++pages] = 0;
	return pages;
}
