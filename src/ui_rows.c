/* ui_rows.c - what the panes of selectable rows share (the document list,
 * the outline, the bookmarks): where the window starts so that the
 * selection is in it, and the attribute a row is drawn in. */
#include "config.h"

#include "ui_priv.h"

void
rows_follow(size_t *top, size_t sel, size_t visible)
{
	if (sel < *top)
		*top = sel;
	else if (sel >= *top + visible)
		*top = sel + 1 - visible;
}

attr_t
rows_attr(const struct ui *ui, bool selected, bool focused)
{
	if (!selected)
		return ui->theme.normal;
	return focused ? ui->theme.selected : ui->theme.selected_dim;
}
