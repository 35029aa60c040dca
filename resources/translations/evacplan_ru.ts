<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>ConvoyLayer</name>
    <message>
        <location filename="../../ui/convoys/layer.py" line="187" />
        <source>{convoy} · {n} vehicles · {people} people</source>
        <translation>{convoy} · машин: {n} · человек: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="191" />
        <source>from {a} to {b}</source>
        <translation>от {a} до {b}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="196" />
        <source>until {t}</source>
        <translation>до {t}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="204" />
        <source>{n} on the road</source>
        <translation>в пути: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="205" />
        <source>{n} boarding</source>
        <translation>посадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="206" />
        <source>{n} at checkpoints</source>
        <translation>на блокпостах: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="207" />
        <source>{n} done</source>
        <translation>завершено: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="209" />
        <source>{n} halted</source>
        <translation>на стоянке: {n}</translation>
    </message>
</context>
<context>
    <name>ConvoyState</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="56" />
        <source>not yet departed</source>
        <translation>ещё не выехала</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="57" />
        <source>forming up</source>
        <translation>формируется</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="58" />
        <source>on the road</source>
        <translation>в пути</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="59" />
        <source>boarding at an assembly point</source>
        <translation>посадка в пункте сбора</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="60" />
        <source>queued at a checkpoint</source>
        <translation>в очереди на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="61" />
        <source>being checked at a checkpoint</source>
        <translation>проверка на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="62" />
        <source>halted</source>
        <translation>стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="63" />
        <source>unloading at the reception point</source>
        <translation>высадка в пункте приёма</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="64" />
        <source>round finished</source>
        <translation>рейс завершён</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="122" />
        <location filename="../../ui/convoys/common.py" line="84" />
        <source>in (empty)</source>
        <translation>туда (пустая)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="123" />
        <location filename="../../ui/convoys/common.py" line="85" />
        <source>out (loaded)</source>
        <translation>обратно (с людьми)</translation>
    </message>
</context>
<context>
    <name>Gantt</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="100" />
        <source>{convoy} · escort {escort}, round {round} · {n} vehicles · {people} people</source>
        <translation>{convoy} · сопровождение {escort}, рейс {round} · машин: {n} · человек: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="119" />
        <source>{checkpoint}: convoy {convoy}, {direction}, {n} vehicles, {people} people
waited {wait}</source>
        <translation>{checkpoint}: колонна {convoy}, {direction}, машин: {n}, человек: {people}
ожидание {wait}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="166" />
        <source>{checkpoint} queue</source>
        <translation>очередь {checkpoint}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="238" />
        <source>max queue {n}</source>
        <translation>макс. очередь {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="239" />
        <source>no queue</source>
        <translation>без очереди</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="258" />
        <source>window end</source>
        <translation>конец окна</translation>
    </message>
</context>
<context>
    <name>GanttPanel</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="306" />
        <source>The schedule has no convoys.</source>
        <translation>В расписании нет колонн.</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="283" />
        <source>People out</source>
        <translation>Вывезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="284" />
        <source>Demand</source>
        <translation>Потребность</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="285" />
        <source>Upper bound</source>
        <translation>Верхняя граница</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="286" />
        <source>Gap to bound</source>
        <translation>Отрыв от границы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="287" />
        <source>Finish</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="288" />
        <source>Convoys</source>
        <translation>Колонны</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="289" />
        <source>Vehicles per convoy</source>
        <translation>Машин на колонну</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="290" />
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="291" />
        <source>Seat use</source>
        <translation>Заполнение мест</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="346" />
        <source>Assembly point</source>
        <translation>Пункт сбора</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="346" />
        <source>People</source>
        <translation>Человек</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="346" />
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="375" />
        <source>&lt;b&gt;Not served:&lt;/b&gt; nobody — every person in the plan gets out.</source>
        <translation>&lt;b&gt;Не вывезено:&lt;/b&gt; никого — все люди по плану вывезены.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="377" />
        <source>&lt;b&gt;Not served&lt;/b&gt; ({n} people)</source>
        <translation>&lt;b&gt;Не вывезено&lt;/b&gt; (человек: {n})</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="91" />
        <source>unreachable</source>
        <translation>недостижимо</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="92" />
        <source>destination capacity</source>
        <translation>вместимость пункта приёма</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="93" />
        <source>window</source>
        <translation>окно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="94" />
        <source>checkpoint throughput</source>
        <translation>пропускная способность блокпостов</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="95" />
        <source>escorts</source>
        <translation>сопровождение</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="96" />
        <source>fleet</source>
        <translation>транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="97" />
        <source>priority rule</source>
        <translation>правило приоритета</translation>
    </message>
</context>
<context>
    <name>Results</name>
    <message>
        <location filename="../../ui/panels/results.py" line="52" />
        <source>No results yet: press Compute (F5) to route and schedule the plan.</source>
        <translation>Результатов пока нет: нажмите «Рассчитать» (F5), чтобы проложить маршруты и составить расписание.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="56" />
        <source>The plan was not scheduled: see the Problems list.</source>
        <translation>Расписание для плана не составлено: см. список «Проблемы».</translation>
    </message>
</context>
<context>
    <name>RoutesPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>Length</source>
        <translation>Длина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="108" />
        <source>Drive time</source>
        <translation>Время в пути</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="109" />
        <source>Checkpoints</source>
        <translation>Блокпосты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="129" />
        <source>No pickup can reach a destination: see the Problems list.</source>
        <translation>Ни один пункт сбора не имеет пути до пункта приёма: см. список «Проблемы».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="133" />
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="155" />
        <source>Convoy</source>
        <translation>Колонна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="155" />
        <source>Escort</source>
        <translation>Сопровождение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="155" />
        <source>Round</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="155" />
        <location filename="../../ui/panels/results.py" line="160" />
        <source>Vehicles</source>
        <translation>Машин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="156" />
        <source>Forms at</source>
        <translation>Формируется в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="156" />
        <source>Departs</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="156" />
        <source>Latest safe departure</source>
        <translation>Последний безопасный выезд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="157" />
        <source>Stops (boarded)</source>
        <translation>Остановки (посажено)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="157" />
        <source>Reception point</source>
        <translation>Пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="157" />
        <location filename="../../ui/panels/results.py" line="159" />
        <source>Arrives</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="157" />
        <location filename="../../ui/panels/results.py" line="161" />
        <source>People</source>
        <translation>Человек</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="159" />
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="159" />
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="160" />
        <source>Check starts</source>
        <translation>Начало проверки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="160" />
        <source>Wait</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="160" />
        <source>Clear</source>
        <translation>Пропущена</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Vehicle</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Passengers</source>
        <translation>Пассажиров</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="163" />
        <source>Boarded at</source>
        <translation>Посадка в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="201" />
        <source>The schedule has no convoys: nobody can leave in this window (see the Summary).</source>
        <translation>В расписании нет колонн: в этом окне никто не может выехать (см. «Сводка»).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="251" />
        <source>Select a convoy to see its checkpoint passages and vehicles.</source>
        <translation>Выберите колонну, чтобы увидеть её прохождение блокпостов и машины.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="255" />
        <source>&lt;b&gt;{convoy}&lt;/b&gt;: {n} checkpoint passages in, {m} out; {people} people on {vehicles} vehicles</source>
        <translation>&lt;b&gt;{convoy}&lt;/b&gt;: прохождений блокпостов туда: {n}, обратно: {m}; человек: {people}, машин: {vehicles}</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="72" />
        <source>driving in (empty)</source>
        <translation>движение туда (пустая)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="73" />
        <source>boarding</source>
        <translation>посадка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="74" />
        <source>queued at a checkpoint</source>
        <translation>в очереди на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="75" />
        <source>checkpoint passage</source>
        <translation>прохождение блокпоста</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="76" />
        <source>halt</source>
        <translation>стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="77" />
        <source>driving out (loaded)</source>
        <translation>движение обратно (с людьми)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="78" />
        <source>unloading</source>
        <translation>высадка</translation>
    </message>
</context>
<context>
    <name>TimeSlider</name>
    <message>
        <location filename="../../ui/convoys/slider.py" line="37" />
        <source>Play the schedule</source>
        <translation>Воспроизвести расписание</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="39" />
        <source>Time:</source>
        <translation>Время:</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="41" />
        <source>Where every convoy is at this time</source>
        <translation>Где находится каждая колонна в это время</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/slider.py" line="71" />
        <source>no schedule</source>
        <translation>расписания нет</translation>
    </message>
</context>
<context>
    <name>Units</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="48" />
        <source>h</source>
        <translation>ч</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="49" />
        <source>min</source>
        <translation>мин</translation>
    </message>
</context>
</TS>
