package dev.migrate.recipes.prefect1;

import static dev.migrate.rewriters.python.test.PythonRewriteTest.python;

import dev.migrate.rewriters.python.test.PythonRewriteTest;
import org.junit.jupiter.api.Test;
import org.openrewrite.test.RecipeSpec;

class ConvertPrefect1TaskClassesTest implements PythonRewriteTest {
    @Override
    public void defaults(RecipeSpec spec) {
        spec.recipe(new ConvertPrefect1TaskClasses());
    }

    @Test
    void runOnlySubclassBecomesTaskFunctionNamedAfterItsInstance() {
        rewriteRun(python(
                """
                from prefect import Task


                class FetchCustomers(Task):
                    \"""Pages through the CRM.\"""

                    def run(self, token, full_load=False):
                        rows = [token]  # first page
                        if full_load:
                            rows.append('all')
                        return rows


                fetch_customers = FetchCustomers(name="fetch-customers", max_retries=3)
                """,
                """
                from prefect import task


                @task(name="fetch-customers", max_retries=3)
                def fetch_customers(token, full_load=False):
                    \"""Pages through the CRM.\"""
                    rows = [token]  # first page
                    if full_load:
                        rows.append('all')
                    return rows
                """));
    }

    // an instance made without arguments gave @task(), which nobody writes (session 13 sweep)
    @Test
    void anInstanceWithoutArgumentsGivesABareDecorator() {
        rewriteRun(python(
                """
                from prefect import Task


                class Extract(Task):
                    def run(self):
                        return 1


                extract = Extract()
                """,
                """
                from prefect import task


                @task
                def extract():
                    return 1
                """));
    }

    @Test
    void statefulSubclassIsFlagged() {
        rewriteRun(python(
                """
                from prefect import Task


                class Counter(Task):
                    def run(self):
                        return self.name


                counter = Counter()
                """,
                """
                from prefect import Task


                # TODO(migrate PF103): rewrite this Task subclass as a @task function: run() uses self
                class Counter(Task):
                    def run(self):
                        return self.name


                counter = Counter()
                """));
    }

    @Test
    void configuredSubclassIsFlaggedWithEachReasonOnce() {
        rewriteRun(python(
                """
                from prefect import Task
                from prefect.utilities.tasks import defaults_from_attrs


                class Query(Task):
                    def __init__(self, sql=None, **kwargs):
                        self.sql = sql
                        super().__init__(**kwargs)

                    def describe(self):
                        return self.sql

                    @defaults_from_attrs("sql")
                    def run(self, sql=None):
                        return sql


                query = Query(sql="select 1")
                """,
                """
                from prefect import Task
                from prefect.utilities.tasks import defaults_from_attrs


                # TODO(migrate PF103): rewrite this Task subclass as a @task function: the class has more than a run() method; run() is decorated (such as @defaults_from_attrs, which reads the instance's attributes)
                class Query(Task):
                    def __init__(self, sql=None, **kwargs):
                        self.sql = sql
                        super().__init__(**kwargs)

                    def describe(self):
                        return self.sql

                    @defaults_from_attrs("sql")
                    def run(self, sql=None):
                        return sql


                query = Query(sql="select 1")
                """));
    }

    @Test
    void otherClassesAreLeftAlone() {
        rewriteRun(python(
                """
                class Task:
                    def run(self):
                        pass
                """));
    }
}
