<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU" sourcelanguage="en_GB">
<context>
    <name>ConvoyLayer</name>
    <message>
        <location filename="../../ui/convoys/layer.py" line="189" />
        <source>{convoy} · {n} vehicles · {people} people</source>
        <translation>{convoy} · машин: {n} · человек: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="194" />
        <source>from {a} to {b}</source>
        <translation>от {a} до {b}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="200" />
        <source>until {t}</source>
        <translation>до {t}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="209" />
        <source>{n} on the road</source>
        <translation>в пути: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="210" />
        <source>{n} boarding</source>
        <translation>посадка: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="211" />
        <source>{n} at checkpoints</source>
        <translation>на блокпостах: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="212" />
        <source>{n} done</source>
        <translation>завершено: {n}</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/layer.py" line="215" />
        <source>{n} halted</source>
        <translation>на стоянке: {n}</translation>
    </message>
</context>
<context>
    <name>ConvoyState</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="66" />
        <source>forming up, not yet departed</source>
        <translation>формируется, ещё не выехала</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="67" />
        <source>on the road</source>
        <translation>в пути</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="68" />
        <source>boarding at an assembly point</source>
        <translation>посадка в пункте сбора</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="69" />
        <source>queued at a checkpoint</source>
        <translation>в очереди на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="70" />
        <source>being checked at a checkpoint</source>
        <translation>проверка на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="71" />
        <source>halted</source>
        <translation>стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="72" />
        <source>unloading at the reception point</source>
        <translation>высадка в пункте приёма</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="73" />
        <source>round finished</source>
        <translation>рейс завершён</translation>
    </message>
</context>
<context>
    <name>Direction</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="123" />
        <location filename="../../ui/convoys/common.py" line="94" />
        <source>in (empty)</source>
        <translation>туда (пустая)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="125" />
        <location filename="../../ui/convoys/common.py" line="95" />
        <source>out (loaded)</source>
        <translation>обратно (с людьми)</translation>
    </message>
</context>
<context>
    <name>Gantt</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="96" />
        <source>{convoy} · escort {escort}, round {round} · {n} vehicles · {people} people</source>
        <translation>{convoy} · сопровождение {escort}, рейс {round} · машин: {n} · человек: {people}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="118" />
        <source>{checkpoint}: convoy {convoy}, {direction}, {n} vehicles, {people} people
waited {wait}</source>
        <translation>{checkpoint}: колонна {convoy}, {direction}, машин: {n}, человек: {people}
ожидание {wait}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="180" />
        <source>{checkpoint} queue</source>
        <translation>очередь {checkpoint}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="253" />
        <source>max queue {n}</source>
        <translation>макс. очередь {n}</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="255" />
        <source>no queue</source>
        <translation>без очереди</translation>
    </message>
    <message>
        <location filename="../../ui/panels/gantt.py" line="280" />
        <source>window end</source>
        <translation>конец окна</translation>
    </message>
</context>
<context>
    <name>GanttPanel</name>
    <message>
        <location filename="../../ui/panels/gantt.py" line="328" />
        <source>The schedule has no convoys.</source>
        <translation>В расписании нет колонн.</translation>
    </message>
</context>
<context>
    <name>KpiPanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="332" />
        <source>People out</source>
        <translation>Вывезено людей</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="333" />
        <source>Demand</source>
        <translation>Потребность</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="334" />
        <source>Upper bound</source>
        <translation>Верхняя граница</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="335" />
        <source>Gap to bound</source>
        <translation>Отрыв от границы</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="336" />
        <source>Finish</source>
        <translation>Завершение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="337" />
        <source>Convoys</source>
        <translation>Колонны</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="338" />
        <source>Vehicles per convoy</source>
        <translation>Машин на колонну</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="339" />
        <source>Vehicle-km</source>
        <translation>Машино-км</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="340" />
        <source>Seat use</source>
        <translation>Заполнение мест</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>Assembly point</source>
        <translation>Пункт сбора</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>People</source>
        <translation>Человек</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="397" />
        <source>Why</source>
        <translation>Причина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="426" />
        <source>&lt;b&gt;Not served:&lt;/b&gt; nobody — every person in the plan gets out.</source>
        <translation>&lt;b&gt;Не вывезено:&lt;/b&gt; никого — все люди по плану вывезены.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="429" />
        <source>&lt;b&gt;Not served&lt;/b&gt; ({n} people)</source>
        <translation>&lt;b&gt;Не вывезено&lt;/b&gt; (человек: {n})</translation>
    </message>
</context>
<context>
    <name>MapResults</name>
    <message>
        <location filename="../../ui/map/results.py" line="193" />
        <source>{n} passages · queue {q} · wait {w}</source>
        <translation>прохождений: {n} · очередь {q} · ожидание {w}</translation>
    </message>
    <message>
        <location filename="../../ui/map/results.py" line="196" />
        <source>{n} passages · no queue</source>
        <translation>прохождений: {n} · без очереди</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <location filename="../../ui/settings.py" line="100" />
        <source>Preferences</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="104" />
        <source>min</source>
        <translation>мин</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="106" />
        <source>Autosave unsaved changes for recovery every</source>
        <translation>Автосохранение несохранённых изменений для восстановления каждые</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="108" />
        <source>System language ({name})</source>
        <translation>Язык системы ({name})</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="112" />
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <location filename="../../ui/settings.py" line="113" />
        <source>A new language applies when evacplan next starts.</source>
        <translation>Новый язык применяется после перезапуска evacplan.</translation>
    </message>
</context>
<context>
    <name>Reason</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="102" />
        <source>unreachable</source>
        <translation>недостижимо</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="103" />
        <source>destination capacity</source>
        <translation>вместимость пункта приёма</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="104" />
        <source>window</source>
        <translation>окно</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="105" />
        <source>checkpoint throughput</source>
        <translation>пропускная способность блокпостов</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="106" />
        <source>escorts</source>
        <translation>сопровождение</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="107" />
        <source>fleet</source>
        <translation>транспорт</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="108" />
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
        <location filename="../../ui/panels/results.py" line="109" />
        <source>From</source>
        <translation>Откуда</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="110" />
        <source>To</source>
        <translation>Куда</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="111" />
        <source>Route</source>
        <translation>Маршрут</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="112" />
        <source>Length</source>
        <translation>Длина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="113" />
        <source>Drive time</source>
        <translation>Время в пути</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="114" />
        <source>Checkpoints</source>
        <translation>Блокпосты</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="135" />
        <source>No pickup can reach a destination: see the Problems list.</source>
        <translation>Ни один пункт сбора не имеет пути до пункта приёма: см. список «Проблемы».</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="139" />
        <source>none</source>
        <translation>нет</translation>
    </message>
</context>
<context>
    <name>SchedulePanel</name>
    <message>
        <location filename="../../ui/panels/results.py" line="162" />
        <source>Convoy</source>
        <translation>Колонна</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="163" />
        <source>Escort</source>
        <translation>Сопровождение</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="164" />
        <source>Round</source>
        <translation>Рейс</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="165" />
        <location filename="../../ui/panels/results.py" line="183" />
        <source>Vehicles</source>
        <translation>Машин</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="166" />
        <source>Forms at</source>
        <translation>Формируется в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="167" />
        <source>Departs</source>
        <translation>Выезд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="168" />
        <source>Latest safe departure</source>
        <translation>Последний безопасный выезд</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="169" />
        <source>Stops (boarded)</source>
        <translation>Остановки (посажено)</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="170" />
        <source>Reception point</source>
        <translation>Пункт приёма</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="171" />
        <location filename="../../ui/panels/results.py" line="179" />
        <source>Arrives</source>
        <translation>Прибытие</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="172" />
        <location filename="../../ui/panels/results.py" line="184" />
        <source>People</source>
        <translation>Человек</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="177" />
        <source>Direction</source>
        <translation>Направление</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="178" />
        <source>Checkpoint</source>
        <translation>Блокпост</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="180" />
        <source>Check starts</source>
        <translation>Начало проверки</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="181" />
        <source>Wait</source>
        <translation>Ожидание</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="182" />
        <source>Clear</source>
        <translation>Пропущена</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Vehicle</source>
        <translation>Машина</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Type</source>
        <translation>Тип</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Seats</source>
        <translation>Мест</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Passengers</source>
        <translation>Пассажиров</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="188" />
        <source>Boarded at</source>
        <translation>Посадка в</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="229" />
        <source>The schedule has no convoys: nobody can leave in this window (see the Summary).</source>
        <translation>В расписании нет колонн: в этом окне никто не может выехать (см. «Сводка»).</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="282" />
        <source>Select a convoy to see its checkpoint passages and vehicles.</source>
        <translation>Выберите колонну, чтобы увидеть её прохождение блокпостов и машины.</translation>
    </message>
    <message>
        <location filename="../../ui/panels/results.py" line="287" />
        <source>&lt;b&gt;{convoy}&lt;/b&gt;: {n} checkpoint passages in, {m} out; {people} people on {vehicles} vehicles</source>
        <translation>&lt;b&gt;{convoy}&lt;/b&gt;: прохождений блокпостов туда: {n}, обратно: {m}; человек: {people}, машин: {vehicles}</translation>
    </message>
</context>
<context>
    <name>Segment</name>
    <message>
        <location filename="../../ui/convoys/common.py" line="81" />
        <source>driving in (empty)</source>
        <translation>движение туда (пустая)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="82" />
        <source>boarding</source>
        <translation>посадка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="83" />
        <source>queued at a checkpoint</source>
        <translation>в очереди на блокпосту</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="84" />
        <source>checkpoint passage</source>
        <translation>прохождение блокпоста</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="85" />
        <source>halt</source>
        <translation>стоянка</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="86" />
        <source>driving out (loaded)</source>
        <translation>движение обратно (с людьми)</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="87" />
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
        <location filename="../../ui/convoys/common.py" line="58" />
        <source>h</source>
        <translation>ч</translation>
    </message>
    <message>
        <location filename="../../ui/convoys/common.py" line="59" />
        <source>min</source>
        <translation>мин</translation>
    </message>
</context>
</TS>
