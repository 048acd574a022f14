package org.ipsl.check;

import java.time.LocalDate;
import java.time.ZoneOffset;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.resource.ResourceSet;
import org.eclipse.emf.ecore.util.EcoreUtil;

/**
 * The day on which certificate validity is judged: {@code ipsl check --at DATE}, else today (UTC).
 * Kept on the resource set so that every validation of one run sees the same day.
 */
public final class JudgmentDay extends AdapterImpl {
	private final LocalDate day;

	private JudgmentDay(LocalDate day) {
		this.day = day;
	}

	public static void set(ResourceSet resourceSet, LocalDate day) {
		resourceSet.eAdapters().removeIf(JudgmentDay.class::isInstance);
		resourceSet.eAdapters().add(new JudgmentDay(day));
	}

	public static LocalDate of(ResourceSet resourceSet) {
		JudgmentDay adapter = resourceSet == null
				? null
				: (JudgmentDay) EcoreUtil.getExistingAdapter(resourceSet, JudgmentDay.class);
		return adapter != null ? adapter.day : LocalDate.now(ZoneOffset.UTC);
	}

	@Override
	public boolean isAdapterForType(Object type) {
		return type == JudgmentDay.class;
	}
}
