from prefect import flow


@flow
def etl():
    pass


if __name__ == "__main__":
    etl.serve(name="nightly", cron="0 2 * * *", is_schedule_active=False)
