"""Report jobs on the `schedule` library, run by report-scheduler.service."""
import time

import schedule


def job_daily_kpis():
    print("kpis")


def job_stock_levels():
    print("stock")


def job_early_kpis():
    print("early")


schedule.every().day.at("07:30:15").do(job_early_kpis)
schedule.every().day.at("07:30").do(job_daily_kpis)
schedule.every(10).minutes.do(job_stock_levels)

if __name__ == "__main__":
    while True:
        schedule.run_pending()
        time.sleep(30)
