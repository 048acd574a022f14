package org.ipsl.incremental;

import java.util.List;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

import org.eclipse.emf.common.notify.impl.AdapterImpl;
import org.eclipse.emf.ecore.EObject;
import org.eclipse.emf.ecore.util.EcoreUtil;
import org.eclipse.xtext.nodemodel.ICompositeNode;
import org.eclipse.xtext.nodemodel.util.NodeModelUtils;
import org.ipsl.ipsl.Endpoint;
import org.ipsl.ipsl.NamedEndpoint;

/**
 * One kind of result kept on model objects across edits, with the key of what it was computed
 * from: given again only for an equal key. The result goes with its object (an edit that replaces
 * the object drops it), and the key names everything the result reads, so that the key, not the
 * object's identity, decides ({@link Key}). With {@link Caches} off nothing is kept or given.
 *
 * @param <V> the kind of result
 */
public final class Memo<V> {
	/** The last result of this memo on one object. */
	private final class Kept extends AdapterImpl {
		final String key;
		final V value;

		Kept(String key, V value) {
			this.key = key;
			this.value = value;
		}

		@Override
		public boolean isAdapterForType(Object type) {
			return type == Memo.this;
		}
	}

	/**
	 * What a result of an object reads: the object's text, then each part added ({@code \u0000}
	 * between parts, a character no text of the language holds).
	 */
	public static final class Key {
		/** Null for an object without text (built, not parsed): its results are not kept. */
		private final StringBuilder text;

		private Key(StringBuilder text) {
			this.text = text;
		}

		/** The key of an object's text. */
		public static Key of(EObject object) {
			ICompositeNode node = NodeModelUtils.getNode(object);
			return new Key(node == null ? null : new StringBuilder(node.getText()));
		}

		public Key and(Object part) {
			if (text != null)
				text.append('\u0000').append(part);
			return this;
		}

		/** Adds a part for each of the ends that is a name, in order: what the name stands for. */
		public Key andNamed(List<Endpoint> ends, Function<NamedEndpoint, Object> standsFor) {
			for (Endpoint end : ends)
				if (end instanceof NamedEndpoint named)
					and(standsFor.apply(named));
			return this;
		}
	}

	/**
	 * The result for {@code key} on {@code owner}: the kept one when its key is equal and it is
	 * still {@code usable}, else a new one from {@code compute}, kept when {@code keepable}. The
	 * result for an object without text is computed and not kept.
	 */
	public V get(EObject owner, Key key, Predicate<V> usable, Supplier<V> compute, Predicate<V> keepable) {
		if (key.text == null || !Caches.enabled())
			return compute.get();
		String text = key.text.toString();
		synchronized (owner) {
			@SuppressWarnings("unchecked")
			Kept last = (Kept) EcoreUtil.getExistingAdapter(owner, this);
			if (last != null && last.key.equals(text) && usable.test(last.value))
				return last.value;
			V value = compute.get();
			owner.eAdapters().remove(last);
			if (keepable.test(value))
				owner.eAdapters().add(new Kept(text, value));
			return value;
		}
	}

	/** {@link #get} for a result that is always usable and always kept. */
	public V get(EObject owner, Key key, Supplier<V> compute) {
		return get(owner, key, v -> true, compute, v -> true);
	}
}
