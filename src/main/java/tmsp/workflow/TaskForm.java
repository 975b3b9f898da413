package tmsp.workflow;

import java.util.Map;

/**
 * How the task list shows and completes one kind of user task. A module contributes one bean per
 * {@code camunda:formKey} its processes use, so the task list needs no edit per process: it renders the form's
 * fragment inside its own task page, and on submit asks the form for the variables to complete the task with.
 */
public interface TaskForm {

    /** The {@code camunda:formKey} of the user tasks this form completes, e.g. {@code account-deletion:move-products}. */
    String formKey();

    /**
     * The Thymeleaf fragment with the form's fields, e.g. {@code account/tasks :: move-products}. The task page
     * puts it inside its own {@code <form>} (with the CSRF token and the submit button), so the fragment renders
     * fields only. It sees {@code task} (the {@link OpenTask}), {@code model} (what {@link #model} returned),
     * {@code fields} (what was submitted, after an invalid submission; else empty) and {@code fieldErrors}
     * (field name to message key); {@code workflow/fields :: error('name')} shows a field's error.
     */
    String fragment();

    /** What the fragment shows for one task (read from the task's variables, or from the module's own API). */
    Map<String, Object> model(OpenTask task);

    /**
     * Checks what {@code user} submitted for {@code task}: the variables to complete it with, or the field errors
     * that send the form back. Called only for a task that user may complete.
     */
    TaskCompletion complete(OpenTask task, Map<String, String> fields, String user);
}
