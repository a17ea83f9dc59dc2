package dev.farminglabs.orm.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import dev.farminglabs.orm.error.OrmErrorCode;
import dev.farminglabs.orm.error.OrmException;
import dev.farminglabs.orm.error.RuntimeSetupException;
import dev.farminglabs.orm.error.RuntimeSetupException.Stage;
import dev.farminglabs.orm.setup.SetupAction;
import dev.farminglabs.orm.setup.SetupActionType;
import dev.farminglabs.orm.setup.SetupPlan;
import dev.farminglabs.orm.setup.SetupSubject;

/**
 * How a {@link SchemaManager} applies a plan without ever running text it did not render: every action's subject is
 * rendered by the driver, and a plan whose statement, type or subject does not match that rendering is refused as a
 * whole, before anything runs. A hand-built {@code ADD_COLUMN} holding {@code DROP TABLE x} fails here.
 */
public final class RenderedPlan {

	private RenderedPlan() {
	}

	/**
	 * The driver's own rendering of each action, in plan order.
	 * @param render the driver's rendering of one action's subject (it may throw {@code OrmException} for a subject
	 * the schema does not declare)
	 * @throws RuntimeSetupException ({@code VALIDATION_ERROR}) for an action the driver did not render as given
	 */
	public static List<String> render(SetupPlan plan, String runtime, Function<SetupAction, String> render) {
		List<String> statements = new ArrayList<>(plan.actions().size());
		for (SetupAction action : plan.actions()) {
			String rendered;
			try {
				if (!matches(action.type(), action.subject())) {
					throw refused(action, "a " + action.type() + " action cannot create " + action.subject());
				}
				rendered = render.apply(action);
			}
			catch (OrmException ex) {
				throw new RuntimeSetupException(Stage.PUSH, runtime, action.statement(), ex);
			}
			catch (RuntimeException ex) {
				throw new RuntimeSetupException(Stage.PUSH, runtime, action.statement(), refused(action, String.valueOf(ex.getMessage())));
			}
			if (!rendered.equals(action.statement())) {
				throw new RuntimeSetupException(Stage.PUSH, runtime, action.statement(), refused(action,
						"its statement is not what this driver renders for " + action.subject() + " (" + rendered
								+ "); plans run only what the driver renders, so make the plan with SchemaSetup.plan"));
			}
			statements.add(rendered);
		}
		return statements;
	}

	private static boolean matches(SetupActionType type, SetupSubject subject) {
		return switch (type) {
			case CREATE_NAMESPACE -> subject instanceof SetupSubject.Namespace;
			case CREATE_TABLE -> subject instanceof SetupSubject.Table;
			case ADD_COLUMN -> subject instanceof SetupSubject.Column;
			case CREATE_UNIQUE -> subject instanceof SetupSubject.UniqueKey;
			case CREATE_INDEX -> subject instanceof SetupSubject.Index;
			case ENABLE_EXPIRY -> subject instanceof SetupSubject.Expiry;
			case RECORD_VERSION -> subject instanceof SetupSubject.SchemaVersion;
			case OTHER -> true;
		};
	}

	private static OrmException refused(SetupAction action, String why) {
		return OrmException.builder(OrmErrorCode.VALIDATION_ERROR, "Refusing plan action " + action.type() + " "
				+ action.target() + ": " + why)
			.model(action.model())
			.build();
	}

}
